//! The small-responses corpus: 50,000 short responses in the mix a client
//! sees around SELECT, IDLE, STORE, MOVE and APPEND: EXISTS, RECENT,
//! EXPUNGE, flag updates, tagged OK/NO/BAD with response codes, FLAGS,
//! CAPABILITY, continuation requests.

use super::corpus::{Corpus, Probe, Scale};
use super::rng::Rng;

const CAPS: &str = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES \
    THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS \
    LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS \
    BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE";

/// Builds the corpus.
pub fn corpus(scale: Scale) -> Corpus {
    let mut rng = Rng::new(0x5A11_0006);
    let mut corpus = Corpus::new("small");
    for i in 0..scale.count(50_000) {
        let mut line = response(&mut rng, i);
        if let Some(value) = line.strip_prefix("* OK [UIDVALIDITY ").and_then(|v| v.split(']').next()) {
            if corpus.probes.len() < 3 {
                let value = value.parse().unwrap_or_default();
                corpus.probes.push(Probe::UidValidity { response: corpus.len(), value });
            }
        }
        line.push_str("\r\n");
        corpus.push(line.as_bytes());
    }
    corpus
}

fn response(rng: &mut Rng, i: usize) -> String {
    let (n, tag) = (rng.range(1, 90_000), format!("A{:04}", i % 10_000));
    let (validity, uid) = (1_700_000_000 + rng.range(0, 9_999), rng.range(1, 900_000));
    match rng.range(0, 99) {
        0..=14 => format!("* {n} EXISTS"),
        15..=22 => format!("* {} RECENT", n % 20),
        23..=42 => format!("* {n} EXPUNGE"),
        43..=52 => format!("* {n} FETCH (UID {uid} FLAGS (\\Seen \\Flagged))"),
        53..=62 => format!("{tag} OK Store completed (0.001 + 0.000 secs)."),
        63..=65 => format!("{tag} OK [READ-WRITE] Select completed (0.002 + 0.000 + 0.001 secs)."),
        66..=68 => format!("* OK [UIDVALIDITY {validity}] UIDs valid"),
        69..=71 => format!("* OK [UIDNEXT {uid}] Predicted next UID"),
        72..=73 => format!("* OK [HIGHESTMODSEQ {}] Highest", rng.range(1, 1 << 45)),
        74..=75 => "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded \\*)] Flags permitted.".into(),
        76..=79 => "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded $Junk $NotJunk)".into(),
        80..=81 => format!("* CAPABILITY {CAPS}"),
        82 => format!("{tag} OK [CAPABILITY {CAPS}] Logged in"),
        83..=85 => format!("{tag} OK [APPENDUID {validity} {uid}] Append completed."),
        86..=88 => format!("{tag} OK [COPYUID {validity} {uid}:{} {}:{}] Moved UIDs.", uid + 20, uid + 100, uid + 120),
        89..=90 => format!("{tag} NO [TRYCREATE] Mailbox doesn't exist: Archive/{n}"),
        91..=93 => "+ idling".into(),
        94..=95 => format!("{tag} OK Idle completed (0.001 + {}.{:03} secs).", n % 600, n % 1000),
        96 => format!("{tag} BAD Error in IMAP command: Unknown command."),
        97 => "* OK [ALERT] Mailbox is almost full".into(),
        _ => "* OK Still here".into(),
    }
}
