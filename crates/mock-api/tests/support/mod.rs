//! Test support: the real server on 127.0.0.1 port 0 over a temporary data file, and a
//! tiny HTTP/1.1 client that speaks to it as any API client would.
#![allow(dead_code)]

pub mod drivers;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use serde_json::Value;

pub const ADMIN: &str = "demo-alex.wilber";
pub const ADMIN_2: &str = "demo-diego.siciliani";
pub const SALES: &str = "demo-isaiah.langer";
pub const HELPDESK: &str = "demo-lidia.holloway";

/// Customers of the hand-made demo data.
pub const FABRIKAM: &str = "Fabrikam Inc";
pub const CONTOSO: &str = "Contoso Ltd";

/// A data file path no other test uses; removed (with its WAL files) on drop.
pub struct DataFile(pub PathBuf);

impl DataFile {
    pub fn new(name: &str) -> Self {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let unique = format!(
            "mock-api-test-{}-{}-{}.sqlite3",
            name,
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let path = std::env::temp_dir().join(unique);
        remove_data(&path);
        Self(path)
    }
}

impl Drop for DataFile {
    fn drop(&mut self) {
        remove_data(&self.0);
    }
}

fn remove_data(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{}", path.display(), suffix));
    }
}

/// The server, running in its own thread; stopped gracefully on drop.
pub struct Server {
    pub port: u16,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start(data: &DataFile) -> Self {
        Self::start_with(data, 0)
    }

    pub fn start_with(data: &DataFile, extra_customers: u32) -> Self {
        let (state, _) =
            mock_api::AppState::open(&data.0, extra_customers).expect("data file opens");
        let (port_tx, port_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                    .await
                    .expect("bind");
                port_tx
                    .send(listener.local_addr().expect("addr").port())
                    .expect("send port");
                mock_api::serve(listener, state, async {
                    let _ = stop_rx.await;
                })
                .await
                .expect("serve");
            });
        });
        let port = port_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("server started");
        Self {
            port,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    pub fn get(&self, path: &str, token: Option<&str>) -> Reply {
        self.send(Request::new("GET", path).token(token))
    }

    pub fn send(&self, request: Request) -> Reply {
        send(self.port, &request)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

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

    pub fn token(self, token: Option<&str>) -> Self {
        match token {
            Some(token) => self.header("Authorization", &format!("Bearer {token}")),
            None => self,
        }
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn json(self, body: &Value) -> Self {
        self.raw_body("application/json", body.to_string().as_bytes())
    }

    pub fn raw_body(mut self, content_type: &str, body: &[u8]) -> Self {
        self.body = body.to_vec();
        self.header("Content-Type", content_type)
    }
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub text: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Asserts a Partner Center error body with this status and code.
    pub fn assert_error(&self, status: u16, code: u64) {
        assert_eq!(self.status, status, "{}", self.text);
        let body = self.json();
        assert_eq!(body["code"], code, "{body}");
        assert_eq!(body["source"], "PartnerFD", "{body}");
        assert!(body["data"].is_array(), "{body}");
        assert!(
            body["description"].as_str().is_some_and(|d| !d.is_empty()),
            "{body}"
        );
    }
}

/// One request on a fresh connection (`Connection: close`), read to the end.
pub fn send(port: u16, request: &Request) -> Reply {
    try_send(port, request).expect("a complete reply")
}

/// Like [`send`], but `None` when the server is gone or stops before replying in full.
pub fn try_send(port: u16, request: &Request) -> Option<Reply> {
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
    let status_line = lines.next().unwrap_or_default();
    let status = status_line.split(' ').nth(1).and_then(|s| s.parse().ok())?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body);
    } else {
        let length = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"));
        if let Some(length) = length.and_then(|(_, v)| v.parse::<usize>().ok()) {
            if body.len() < length {
                return None;
            }
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

// ---- API helpers, as a client would write them ----

pub fn customer_id(server: &Server, name: &str) -> String {
    let search = name.replace(' ', "%20");
    let reply = server.get(
        &format!("/v1/customers?search={search}&size=10"),
        Some(ADMIN),
    );
    assert_eq!(reply.status, 200, "{}", reply.text);
    let body = reply.json();
    body["items"]
        .as_array()
        .and_then(|items| {
            items
                .iter()
                .find(|c| c["companyProfile"]["companyName"] == name)
        })
        .and_then(|c| c["id"].as_str())
        .unwrap_or_else(|| panic!("no customer {name}"))
        .to_string()
}

pub fn partner_id(server: &Server) -> String {
    server.get("/v1/partner", Some(ADMIN)).json()["tenantId"]
        .as_str()
        .expect("tenantId")
        .to_string()
}

pub fn policy_id(server: &Server, customer: &str) -> String {
    format!("{}_{}", partner_id(server), customer)
}

pub fn new_policy(customer: &str, resources: &[&str]) -> Value {
    let permissions: Vec<Value> = resources
        .iter()
        .map(|r| serde_json::json!({ "resource": r, "action": "Purchase" }))
        .collect();
    serde_json::json!({
        "selfServeEntity": { "selfServeEntityType": "customer", "tenantID": customer },
        "grantor": { "grantorType": "billToPartner" },
        "permissions": permissions,
    })
}

pub fn post_policy(server: &Server, token: &str, customer: &str, resources: &[&str]) -> Reply {
    server.send(
        Request::new("POST", "/v1/SelfServePolicy")
            .token(Some(token))
            .json(&new_policy(customer, resources)),
    )
}

/// The audit records of every day, newest first.
pub fn audit(server: &Server) -> Vec<Value> {
    let reply = server.get(
        "/v1/auditrecords?startDate=2000-01-01&endDate=2100-01-01",
        Some(ADMIN),
    );
    assert_eq!(reply.status, 200, "{}", reply.text);
    reply.json()["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// Resource names of a policy resource, in order.
pub fn resources(policy: &Value) -> Vec<String> {
    policy["permissions"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .filter_map(|p| p["resource"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
