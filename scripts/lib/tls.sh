# shellcheck shell=bash
# The test CA and the server certificate, made once per state directory.
# Two levels (CA, then leaf): rustls/webpki does not accept a self-signed
# end-entity certificate as its own trust anchor. Sourced, never run.

# Subject alternative names of the leaf: localhost and both loopback literals,
# plus any other 127.x host the servers were told to use.
tls_san() {
  local san="DNS:localhost,IP:127.0.0.1,IP:::1" host
  for host in "$@"; do
    [[ $host == 127.0.0.1 || $host == ::1 || $san == *"IP:$host,"* || $san == *"IP:$host" ]] ||
      san+=",IP:$host"
  done
  printf '%s' "$san"
}

# Makes $TLS_DIR/{ca.pem,server.key,server.pem,fullchain.pem} if missing or if
# the wanted SAN changed. The CA is kept across runs so clients keep trusting it.
# usage: ensure_tls HOST...
ensure_tls() {
  local san log=$TLS_DIR/openssl.log
  san=$(tls_san "$@")
  mkdir -p "$TLS_DIR"
  (
    flock 8
    if [[ ! -s $TLS_DIR/ca.pem || ! -s $TLS_DIR/ca.key ]]; then
      rm -f "$TLS_DIR/server.pem"
      make_ca >>"$log" 2>&1 || die "openssl could not make the test CA" "$log"
    fi
    if [[ ! -s $TLS_DIR/fullchain.pem || $(cat "$TLS_DIR/san" 2>/dev/null) != "$san" ]]; then
      make_leaf "$san" >>"$log" 2>&1 || die "openssl could not make the server certificate" "$log"
      printf '%s\n' "$san" >"$TLS_DIR/san"
    fi
  ) 8>"$TLS_DIR/.lock" || exit 1
}

make_ca() {
  (umask 077 && openssl genrsa -out "$TLS_DIR/ca.key" 2048)
  openssl req -x509 -new -key "$TLS_DIR/ca.key" -sha256 -days 3650 -out "$TLS_DIR/ca.pem" \
    -subj "/O=typed-imap tests/CN=typed-imap test CA" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash"
}

make_leaf() { # SAN
  local ext=$TLS_DIR/server.ext
  printf '%s\n' \
    "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature,keyEncipherment" \
    "extendedKeyUsage=serverAuth" \
    "subjectAltName=$1" \
    "subjectKeyIdentifier=hash" \
    "authorityKeyIdentifier=keyid" >"$ext"
  (umask 077 && openssl genrsa -out "$TLS_DIR/server.key" 2048)
  openssl req -new -key "$TLS_DIR/server.key" -subj "/O=typed-imap tests/CN=localhost" \
    -out "$TLS_DIR/server.csr"
  openssl x509 -req -in "$TLS_DIR/server.csr" -CA "$TLS_DIR/ca.pem" -CAkey "$TLS_DIR/ca.key" \
    -CAcreateserial -sha256 -days 3650 -extfile "$ext" -out "$TLS_DIR/server.pem"
  cat "$TLS_DIR/server.pem" "$TLS_DIR/ca.pem" >"$TLS_DIR/fullchain.pem"
  openssl verify -x509_strict -purpose sslserver -CAfile "$TLS_DIR/ca.pem" "$TLS_DIR/server.pem"
}
