#!/usr/bin/env python3
"""Extract the server responses ("S:" lines) of RFC examples into test vectors.

Usage: python3 spec/vectors/extract.py [RFC_DIR] [OUT_DIR]
  RFC_DIR defaults to ../shared/rfc next to the repository root, OUT_DIR to
  this script's directory (spec/vectors/).

Writes OUT_DIR/rfcNNNN.txt, one file per RFC, in the format described in
README.md. Python 3, standard library only. The RFC files are the RFC
Editor's .txt copies, byte for byte; every correction made to an example is
in FIXES below, keyed by the RFC's line number of the response's first line,
and is repeated in the vector's comment and in README.md.
"""

import os
import re
import sys

# RFCs whose examples hold IMAP server responses (3516 and 6855 have none).
# RFC 1730 (IMAP4, before rev1) is left out: its examples use responses
# removed in 2060 (* MAILBOX, * n COPY, * n STORE) and elide a literal.
RFCS = [2060, 2086, 2087, 2177, 2195, 2342, 2595, 2971, 3501, 3502, 3516, 3691,
        4314, 4315, 4466, 4731, 4959, 4978, 5161, 5182, 5256, 5258, 5464,
        5465, 5530, 5819, 6154, 6851, 6855, 7162, 7628, 7888, 7889, 8474,
        9051, 9208]

LABEL = re.compile(r'^\s*(?:Examples?(?: \d+)?:\s+)?(?P<who>[CS]):(?P<rest>(?:\s.*)?)$')
SECTION = re.compile(r'^(?:(?:Appendix )?[A-Z]\.|\d+\.)(?:\d+\.?)*\s+\S')
FOOTER = re.compile(r'\[Page \d+\]\s*$')
PAGE = re.compile(r'\[Page (\d+)\]')
# An unlabelled line after a response that is an editor's remark, not more
# of the response: "<TLS negotiation ...>", ". . .", "...time passes...",
# "//comment", "[connection ...]", "(Server and client then ...)".
REMARK = re.compile(r'^\s*(<.*>|\. \. \.|\.\.\..*|//.*|\[.*\]|\((?:[A-Za-z]+[ .,]+){2,}.*|==>.*|Note:.*)\s*$')
# Server responses an RFC shows without an "S:" label: {rfc: {line, ...}}.
UNLABELLED = {9051: {919, 923, 929, 933}}
LITERAL = re.compile(rb'(~?)\{(\d+)(\+?)\}$')

# FIXES[rfc][line] = (action, note, ...), keyed by the RFC's line number of
# the response's first line:
#   ("skip", why)              not an IMAP server response: left out
#   ("error", why)             kept as printed; the parser must reject it
#   ("sub", what, old, new, ...)  each `old` replaced by its `new` (bytes,
#                              in pairs) to make it valid
#   ("note", what)             kept as printed, with a remark
TRUNCATED = ('error', 'truncated: the RFC elides the FETCH data')
# `(...)` alone is one unknown attribute named `...` (an atom) with no
# value; the FETCH parser keeps unknown attributes raw instead of failing.
ELLIPSIS = ('note', 'as printed: `(...)` reads as an unknown attribute `...` (lenient)')
POP3 = ('skip', 'POP3 example, not IMAP')
ACAP = ('skip', 'ACAP example, not IMAP')
SMTP = ('skip', 'SMTP example, not IMAP')
DOUBLE_SP = ('note', 'as printed: doubled SP (the parser is lenient)')
ELIDED_CAPS = ('sub', 'fixed: elided "[...]" capabilities dropped', b' [...]', b'')
FETCH_1 = ('sub', 'fixed: "* FETCH 1" -> "* 1 FETCH" (message-data)', b'* FETCH 1 ', b'* 1 FETCH ')
NO_PARENS = ('sub', 'fixed: parentheses around the FETCH attributes missing',
             b'FETCH FLAGS (', b'FETCH (FLAGS (', b')\r\n', b'))\r\n')
FIXES = {
    2060: {2472: TRUNCATED, 2473: TRUNCATED, 2474: TRUNCATED,
           2541: NO_PARENS, 2542: NO_PARENS, 2543: NO_PARENS,
           2643: ('sub', 'fixed: "OK" missing after the tag', b'A999 ', b'A999 OK ')},
    3501: {3208: TRUNCATED, 3209: TRUNCATED, 3210: TRUNCATED},
    9051: {
        929: FETCH_1, 933: FETCH_1,
        3078: DOUBLE_SP, 3089: DOUBLE_SP, 3169: DOUBLE_SP,
        3154: ('sub', 'fixed: line break rejoined without SP (no SP between Namespace-Descr)',
               b'"/") ("#public/"', b'"/")("#public/"'),
        3607: ELLIPSIS, 3621: ELLIPSIS,
        4166: TRUNCATED, 4167: TRUNCATED, 4168: TRUNCATED,
        4179: TRUNCATED, 4180: TRUNCATED, 4181: TRUNCATED,
        4466: TRUNCATED, 4467: TRUNCATED, 4468: TRUNCATED,
    },
    2177: {133: ELLIPSIS, 147: ELLIPSIS},
    2342: {
        205: ('sub', 'fixed: line break rejoined without SP (no SP between Namespace-Descr)',
              b'"/") ("#public/"', b'"/")("#public/"'),
        221: DOUBLE_SP,
    },
    2595: {323: POP3, 327: POP3, 385: ACAP, 387: ACAP, 389: ACAP, 462: ACAP, 464: ACAP,
           466: ACAP, 469: ACAP, 471: ACAP, 474: ACAP},
    4314: {
        578: ('sub', 'fixed: "OK" missing after the tag', b'a005 ', b'a005 OK '),
        809: ('sub', 'fixed: closing ")" missing', b')\r\n', b'))\r\n'),
        810: ('sub', 'fixed: closing ")" missing', b')\r\n', b'))\r\n'),
        811: ('sub', 'fixed: closing ")" missing', b')\r\n', b'))\r\n'),
        819: ('sub', 'fixed: "OK" missing after the tag', b'A006 ', b'A006 OK '),
    },
    5182: {205: TRUNCATED, 206: TRUNCATED, 207: TRUNCATED,
           217: TRUNCATED, 218: TRUNCATED, 219: TRUNCATED},
    5819: {141: DOUBLE_SP, 152: DOUBLE_SP},
    7889: {198: DOUBLE_SP},
    5464: {607: ('sub', 'fixed: the client\'s literal, printed unlabelled after it, removed',
                 b' dataMy new comment acrosstwo lines.)', b' data')},
    5465: {
        388: ('sub', 'fixed: "OK" missing after the tag', b'd STATUS', b'd OK STATUS'),
        872: ('sub', 'fixed: parentheses around "COUNT 17" removed (search-return-data)',
              b'(COUNT 17)', b'COUNT 17'),
        875: ('sub', 'fixed: "* EXISTS 93" -> "* 93 EXISTS" (number SP "EXISTS")',
              b'EXISTS 93', b'93 EXISTS'),
    },
    6851: {196: ('skip', 'editorial "S: (more expunges)", not a response')},
    7162: {1633: ('sub', 'fixed: elided "[...]," dropped from the UID set',
                  b'13:14,[...], 29668', b'13:14,29668')},
    7628: {684: SMTP, 686: SMTP, 687: SMTP, 688: SMTP, 689: SMTP, 690: SMTP, 691: SMTP,
           692: SMTP, 697: SMTP, 816: SMTP, 818: SMTP, 819: SMTP, 820: SMTP, 821: SMTP,
           822: SMTP, 823: SMTP, 827: SMTP, 830: SMTP, 831: SMTP},
    9208: {268: ELIDED_CAPS, 301: ELIDED_CAPS, 352: ELIDED_CAPS, 407: ELIDED_CAPS},
}
# A whole "S:" line that only elides responses ("S: ...", "S: [...]").
ELIDED = re.compile(rb'^(\.\.\.|\[\.\.\.\])(\s.*)?\r\n$')


def load(path):
    """The RFC's lines as (line number, text, section, page), page breaks removed."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().lstrip('\ufeff').split('\n')
    out, drop = [], set()
    for i, line in enumerate(lines):
        if '\f' in line:
            drop.update(page_break(lines, i))
    section, page = '', 1
    for i, line in enumerate(lines):
        m = PAGE.search(line)
        if m and i in drop:
            page = int(m.group(1)) + 1
        if i in drop:
            continue
        if SECTION.match(line):
            section = ' '.join(line.split())
        out.append((i + 1, line, section, page))
    return out


def page_break(lines, ff):
    """Line indexes of the page break at form feed `ff`: the footer, the
    header and the blank lines around them."""
    drop = {ff}
    j = ff - 1
    while j >= 0 and (FOOTER.search(lines[j]) or not lines[j].strip()):
        drop.add(j)
        j -= 1
    k = ff if lines[ff].strip('\f').strip() else ff + 1  # the header line
    drop.add(k)
    while k + 1 < len(lines) and not lines[k + 1].strip():
        k += 1
        drop.add(k)
    return drop


class Response:
    """One server response being assembled from example lines."""

    def __init__(self, lineno, section, page, text, indent):
        self.lineno, self.section, self.page = lineno, section, page
        self.data = text.encode('utf-8')
        self.literal = None  # bytes of the literal being read, or None
        self.indent = indent  # the example's indentation after "S:"
        self.notes = []

    def add_literal_line(self, raw):
        """A line of literal data: its text after the example's indentation."""
        cut = min(self.indent, len(raw) - len(raw.lstrip(' ')))
        self.literal += raw[cut:].encode('utf-8') + b'\r\n'

    def ends_with_literal(self):
        return LITERAL.search(self.data) is not None and not self.data.startswith(b'+')

    def add_line(self, text, join):
        self.data += join.encode() + text.encode('utf-8')

    def finish_literal(self):
        m = LITERAL.search(self.data)
        body = self.literal
        if int(m.group(2)) != len(body):
            self.notes.append('fixed: literal count {%s} -> {%d}' % (m.group(2).decode(), len(body)))
            self.data = self.data[:m.start()] + b'%s{%d%s}' % (m.group(1), len(body), m.group(3))
        self.data += b'\r\n' + body
        self.literal = None


def extract(lines, unlabelled=frozenset()):
    """Every server response of the examples, in order; the lines numbered
    in `unlabelled` are responses printed without "S:"."""
    out, cur, who, label_col = [], None, None, 0

    def flush():
        nonlocal cur
        if cur is not None:
            if cur.literal is not None:
                cur.finish_literal()
            out.append(cur)
        cur = None

    for lineno, line, section, page in lines:
        m = LABEL.match(line)
        if m or lineno in unlabelled:
            who, label_col = 'S', len(line) - len(line.lstrip())
            raw = ' ' * label_col + line.lstrip()
            if m:
                who, label_col = m.group('who'), m.start('who')
                raw = m.group('rest')[1:]
            text = raw.strip()
            if who == 'S' and cur is not None and cur.literal is not None:
                if not text.startswith(')'):
                    cur.add_literal_line(raw)
                    continue
                cur.finish_literal()
                cur.add_line(text, '')
            elif who == 'S':
                flush()
                cur = Response(lineno, section, page, text, len(raw) - len(raw.lstrip()))
            else:
                flush()
        else:
            indent = len(line) - len(line.lstrip())
            if not line.strip() or REMARK.match(line) or indent <= 3 or indent < label_col:
                flush()
                who = None
                continue
            # An unlabelled line indented deeper than prose (3 spaces) and at
            # least as deep as the label continues the line above.
            if who != 'S' or cur is None:
                continue
            cur.add_line(line.strip(), joiner(cur.data, line.strip()))
        if cur is not None and cur.literal is None and cur.ends_with_literal():
            cur.literal = b''
    flush()
    return out


def joiner(before, after):
    """What an editorial line break stands for: nothing inside base64 (a
    continuation request), next to a parenthesis, after a word hyphenated at
    the line end, or between THREAD lists (no SP in thread-list), else one
    space."""
    if before.startswith(b'+ ') or before.endswith(b'(') or after.startswith(')'):
        return ''
    if re.search(rb'[A-Za-z]-$', before):  # a word hyphenated at the line end
        return ''
    if before.startswith(b'* THREAD ') and before.endswith(b')') and after.startswith('('):
        return ''
    return ' '


def escape(data):
    out = []
    for b in data:
        if b == 0x5C:
            out.append('\\\\')
        elif b == 0x0D:
            out.append('\\r')
        elif b == 0x0A:
            out.append('\\n')
        elif 0x20 <= b < 0x7F:
            out.append(chr(b))
        else:
            out.append('\\x%02x' % b)
    return ''.join(out)


def apply_fix(rfc, lineno, fix, data):
    """The response's bytes after `fix` (None when skipped) and its mark."""
    if fix[0] == 'skip':
        return None, ''
    if fix[0] == 'error':
        return data, '!error '
    if fix[0] == 'sub':
        for old, new in zip(fix[2::2], fix[3::2]):
            if old not in data:
                sys.exit('rfc%d line %d: %r not in %r' % (rfc, lineno, old, data))
            data = data.replace(old, new)
        return data, ''
    return data, ''


def vector(rfc, r, fixes, log, paged):
    """The comment and escaped bytes of response `r`, or None if left out."""
    data, notes, mark = r.data + b'\r\n', list(r.notes), ''
    if data == b'+\r\n':
        data = b'+ \r\n'
        notes.append('fixed: "+" -> "+ " (RFC text drops trailing spaces; the grammar has "+" SP)')
    fix = fixes.get(r.lineno)
    if fix is None and ELIDED.match(data):
        fix = ('skip', 'editorial "S: %s", not a response' % data[:-2].decode())
    if fix and fix[0] == 'skip':
        log.append((rfc, r.lineno, 'left out: ' + fix[1]))
        return None
    if fix:
        data, mark = apply_fix(rfc, r.lineno, fix, data)
        notes.append(fix[1])
    if notes:
        log.append((rfc, r.lineno, mark + '; '.join(notes)))
    page = 'p. %d, ' % r.page if paged else ''
    ctx = '%s (%sline %d)' % (r.section or 'header', page, r.lineno)
    return '# %s%s%s' % (mark, ctx, ''.join('; ' + n for n in notes)), escape(data)


def render(rfc, responses, log, paged):
    """The vector file of one RFC, and how many vectors it holds."""
    fixes = FIXES.get(rfc, {})
    missing = set(fixes) - {r.lineno for r in responses}
    if missing:
        sys.exit('rfc%d: FIXES for lines %s match no response' % (rfc, sorted(missing)))
    lines = ['# RFC %d: the server responses of its examples, one per vector.' % rfc,
             '# Format: spec/vectors/README.md. Generated by extract.py; corrections in its FIXES.']
    vectors = [v for v in (vector(rfc, r, fixes, log, paged) for r in responses) if v]
    for comment, data in vectors:
        lines += ['', comment, data]
    return '\n'.join(lines) + '\n', len(vectors)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rfc_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', '..', '..', 'shared', 'rfc')
    out_dir = sys.argv[2] if len(sys.argv) > 2 else here
    total, log = 0, []
    for rfc in RFCS:
        lines = load(os.path.join(rfc_dir, 'rfc%d.txt' % rfc))
        responses = extract(lines, UNLABELLED.get(rfc, frozenset()))
        text, n = render(rfc, responses, log, paged=lines[-1][3] > 1)
        total += n
        if n == 0:
            print('rfc%d: no server responses' % rfc)
            continue
        with open(os.path.join(out_dir, 'rfc%d.txt' % rfc), 'w', encoding='ascii', newline='\n') as f:
            f.write(text)
        print('rfc%d: %d' % (rfc, n))
    print('total: %d' % total)
    print('\nCorrections (for README.md):')
    print(corrections(log))


def corrections(log):
    """The (rfc, line, note) entries as a Markdown list, one item per RFC
    and note."""
    groups = {}
    for rfc, line, note in log:
        groups.setdefault((rfc, note), []).append(str(line))
    return '\n'.join('- RFC %d line%s %s: %s' % (rfc, 's' if len(lines) > 1 else '', ', '.join(lines), note)
                     for (rfc, note), lines in groups.items())


if __name__ == '__main__':
    main()
