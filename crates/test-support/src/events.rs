//! A listener of the mock API's event stream (`GET /v1/events`), on std only: it opens the
//! stream, then reads one server-sent event at a time (the answer comes chunked).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use api_types::change_event::ChangeEvent;

/// An open event stream.
pub struct EventStream {
    reader: BufReader<TcpStream>,
    /// Decoded text not yet read as events.
    text: String,
}

/// One event: its id and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub id: String,
    pub event: ChangeEvent,
}

impl EventStream {
    /// Opens the stream as the holder of `token` (sent as `Authorization`, or as
    /// `?access_token=` when `in_query`), resuming after `last_event_id` if given. The status
    /// when the server refuses it.
    pub fn open(port: u16, token: &str, in_query: bool, last_event_id: Option<&str>) -> Result<Self, u16> {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).map_err(|_| 0u16)?;
        let path = if in_query { format!("/v1/events?access_token={token}") } else { "/v1/events".to_string() };
        let mut head = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n");
        if !in_query {
            head.push_str(&format!("Authorization: Bearer {token}\r\n"));
        }
        if let Some(id) = last_event_id {
            head.push_str(&format!("Last-Event-ID: {id}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).map_err(|_| 0u16)?;
        stream.set_read_timeout(Some(Duration::from_millis(200))).map_err(|_| 0u16)?;
        let mut reader = BufReader::new(stream);
        let mut status_line = String::new();
        read_line_patiently(&mut reader, &mut status_line, Duration::from_secs(10));
        let status: u16 = status_line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        loop {
            let mut line = String::new();
            read_line_patiently(&mut reader, &mut line, Duration::from_secs(10));
            if line.trim().is_empty() {
                break;
            }
        }
        if status != 200 {
            return Err(status);
        }
        Ok(Self { reader, text: String::new() })
    }

    /// The next event, waiting at most `wait`.
    pub fn next(&mut self, wait: Duration) -> Option<Received> {
        let until = Instant::now() + wait;
        loop {
            if let Some(event) = self.take_event() {
                return Some(event);
            }
            if Instant::now() >= until {
                return None;
            }
            self.read_chunk(until);
        }
    }

    /// Every event that comes within `wait`.
    pub fn drain(&mut self, wait: Duration) -> Vec<Received> {
        let until = Instant::now() + wait;
        let mut all = Vec::new();
        while let Some(event) = self.next(until.saturating_duration_since(Instant::now())) {
            all.push(event);
        }
        all
    }

    /// One event from the decoded text, if a whole one is there (comments skipped).
    fn take_event(&mut self) -> Option<Received> {
        loop {
            let end = self.text.find("\n\n")?;
            let block: String = self.text.drain(..end + 2).collect();
            let (mut id, mut data) = (String::new(), None);
            for line in block.lines() {
                if let Some(value) = line.strip_prefix("id:") {
                    id = value.trim().to_string();
                } else if let Some(value) = line.strip_prefix("data:") {
                    data = serde_json::from_str::<ChangeEvent>(value.trim()).ok();
                }
            }
            if let Some(event) = data {
                return Some(Received { id, event });
            }
        }
    }

    /// Reads one chunk of the answer into the decoded text (or nothing by `until`).
    fn read_chunk(&mut self, until: Instant) {
        let mut size_line = String::new();
        read_line_patiently(&mut self.reader, &mut size_line, until.saturating_duration_since(Instant::now()));
        let Ok(size) = usize::from_str_radix(size_line.trim(), 16) else {
            return;
        };
        let mut chunk = vec![0; size + 2];
        let started = Instant::now();
        let mut filled = 0;
        while filled < chunk.len() && started.elapsed() < Duration::from_secs(10) {
            match self.reader.read(&mut chunk[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(_) => continue,
            }
        }
        self.text.push_str(&String::from_utf8_lossy(&chunk[..size.min(filled)]).replace("\r\n", "\n"));
    }
}

/// Reads a line, retrying the socket's short read timeouts until `wait` has passed.
fn read_line_patiently(reader: &mut BufReader<TcpStream>, line: &mut String, wait: Duration) {
    let until = Instant::now() + wait;
    loop {
        match reader.read_line(line) {
            Ok(_) if line.ends_with('\n') => return,
            Ok(0) => return,
            Ok(_) => {}
            Err(_) if Instant::now() < until => {}
            Err(_) => return,
        }
    }
}
