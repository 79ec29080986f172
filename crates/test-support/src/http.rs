//! One small HTTP/1.1 client: a request on a fresh connection (`Connection: close`), read to
//! the end, with the bodies as `api_types` values. Blocking, on std only.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use api_types::arm::ArmErrorBody;
use api_types::{Endpoint, ErrorBody, ErrorCode, ErrorReply};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::users::User;

/// A client of the server on a loopback port, signed in as a demo user or no one.
#[derive(Debug, Clone)]
pub struct Client {
    port: u16,
    token: Option<String>,
}

impl Client {
    /// A client without a token.
    pub fn new(port: u16) -> Self {
        Self { port, token: None }
    }

    /// The same server, signed in as `user`.
    pub fn as_user(&self, user: &User) -> Self {
        self.with_token(&user.token)
    }

    /// The same server, signed in as the customer user `upn` (`demo-{upn}`).
    pub fn as_customer(&self, upn: &str) -> Self {
        self.with_token(&crate::users::customer_token(upn))
    }

    /// The same server, with this bearer token (known or not).
    pub fn with_token(&self, token: &str) -> Self {
        Self {
            port: self.port,
            token: Some(token.to_string()),
        }
    }

    /// The same server, without a token.
    pub fn anonymous(&self) -> Self {
        Self::new(self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Sends `request`, with this client's token unless it has an `Authorization` header.
    pub fn send(&self, request: Request) -> Reply {
        let described = format!("{} {}", request.method, request.path);
        self.try_send(request)
            .unwrap_or_else(|| panic!("no complete reply to {described}"))
    }

    /// Like [`Client::send`], but `None` when the server is gone or stops before replying in
    /// full.
    pub fn try_send(&self, request: Request) -> Option<Reply> {
        let request = match &self.token {
            Some(token) if request.header_value("authorization").is_none() => {
                request.header("Authorization", &format!("Bearer {token}"))
            }
            _ => request,
        };
        send(self.port, &request)
    }

    pub fn get(&self, path: &str) -> Reply {
        self.send(Request::new("GET", path))
    }

    /// `GET path`, which must answer 200 with a `T`.
    pub fn read<T: DeserializeOwned>(&self, path: &str) -> T {
        self.get(path).expect(200)
    }

    pub fn post(&self, path: &str, body: &impl Serialize) -> Reply {
        self.send(Request::new("POST", path).json(body))
    }

    pub fn put(&self, path: &str, body: &impl Serialize) -> Reply {
        self.send(Request::new("PUT", path).json(body))
    }

    pub fn delete(&self, path: &str) -> Reply {
        self.send(Request::new("DELETE", path))
    }

    /// One operation of the API (`api_types::endpoint`), as every client sends it: its
    /// method, path, body and `If-Match`. The reply, whatever it is.
    pub fn call<E: Endpoint>(&self, endpoint: &E) -> Reply {
        let mut request = Request::new(E::METHOD.as_str(), &endpoint.path());
        if let Some(body) = endpoint.body() {
            request = request.json(body);
        }
        if let Some(etag) = endpoint.if_match() {
            request = request.header("If-Match", etag);
        }
        self.send(request)
    }

    /// [`Client::call`], which must succeed (2xx): its reply as the endpoint's type.
    pub fn ok<E: Endpoint>(&self, endpoint: &E) -> E::Reply {
        let reply = self.call(endpoint);
        assert!((200..300).contains(&reply.status), "{} {}: {} {}", E::METHOD.as_str(), endpoint.path(), reply.status, reply.text);
        if reply.text.trim().is_empty() {
            serde_json::from_str("null").unwrap_or_else(|e| panic!("{} {}: no body ({e})", E::METHOD.as_str(), endpoint.path()))
        } else {
            reply.body()
        }
    }
}

#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn new(method: &str, path: &str) -> Self {
        Self {
            method: method.to_string(),
            path: path.to_string(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    /// `body` as JSON (an `api_types` value, or `serde_json::Value` for a malformed one).
    pub fn json(self, body: &impl Serialize) -> Self {
        let text =
            serde_json::to_vec(body).unwrap_or_else(|e| panic!("a request body as JSON: {e}"));
        self.raw_body("application/json", &text)
    }

    /// Any bytes, declared as `content_type`.
    pub fn raw_body(mut self, content_type: &str, body: &[u8]) -> Self {
        self.body = body.to_vec();
        self.header("Content-Type", content_type)
    }

    fn header_value(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub text: String,
}

impl Reply {
    /// The body as a `T`.
    pub fn body<T: DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.text).unwrap_or_else(|e| {
            panic!(
                "not a {} ({e}): {} {}",
                std::any::type_name::<T>(),
                self.status,
                self.text
            )
        })
    }

    /// Asserts `status`; the body as a `T`.
    pub fn expect<T: DeserializeOwned>(&self, status: u16) -> T {
        assert_eq!(self.status, status, "{}", self.text);
        self.body()
    }

    /// The Partner Center error body of a failure.
    pub fn error(&self) -> ErrorBody {
        assert!(
            self.status >= 400,
            "not a failure: {} {}",
            self.status,
            self.text
        );
        self.body()
    }

    /// Asserts a Partner Center error body with `code`, and the status that comes with it.
    pub fn assert_error(&self, code: ErrorCode) {
        assert_eq!(self.status, code.status(), "{code:?}: {}", self.text);
        let body = self.error();
        assert_eq!(body.error_code(), Some(code), "{}", self.text);
        assert_eq!(body.source, "PartnerFD", "{}", self.text);
        assert!(!body.description.is_empty(), "{}", self.text);
    }

    /// The Azure Resource Manager error body of a failure.
    pub fn arm_error(&self) -> ArmErrorBody {
        assert!(
            self.status >= 400,
            "not a failure: {} {}",
            self.status,
            self.text
        );
        self.body()
    }

    /// Asserts an Azure Resource Manager error body with `code` (by its ARM name), and the
    /// status that comes with it; the body.
    pub fn assert_arm_error(&self, code: ErrorCode) -> ArmErrorBody {
        assert_eq!(self.status, code.status(), "{code:?}: {}", self.text);
        let body = self.arm_error();
        assert_eq!(body.error_code(), Some(code), "{}", self.text);
        assert!(!body.error.message.is_empty(), "{}", self.text);
        body
    }

    /// The domain error a failure reports (from either body), as a client rebuilds it.
    pub fn refusal(&self) -> Option<domain::DomainError> {
        self.body::<ErrorReply>().domain_error()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request on a fresh connection, read to the end; `None` when the server is gone or
/// stops before replying in full.
fn send(port: u16, request: &Request) -> Option<Reply> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .ok()?;
    let mut head = format!(
        "{} {} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n",
        request.method, request.path
    );
    for (name, value) in &request.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !request.body.is_empty() || matches!(request.method.as_str(), "POST" | "PUT") {
        head.push_str(&format!("Content-Length: {}\r\n", request.body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).ok()?;
    // The server may answer (413) before reading the whole body and close: ignore that.
    let _ = stream.write_all(&request.body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    parse_reply(&raw)
}

fn parse_reply(raw: &[u8]) -> Option<Reply> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut body = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()?
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let has = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    if has("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body);
    } else if let Some(length) = has("content-length").and_then(|v| v.parse::<usize>().ok()) {
        if body.len() < length {
            return None;
        }
    }
    Some(Reply {
        status,
        headers,
        text: String::from_utf8_lossy(&body).to_string(),
    })
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&data[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}
