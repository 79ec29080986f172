//! The request journal: every request the server served (but `/_mock`'s), newest last, in a
//! ring of a size set at start (`--journal-size`, default 10,000; 0 keeps none). Who called
//! is kept by name, never by token; bodies are kept as text, at most 16 KiB each, with the
//! values of secret-looking JSON keys replaced by `redacted`.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Instant;

use api_types::stand_in::{InjectedFault, JournalEntry, JournalQuery};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::faults::path_matches;
use crate::error::ApiError;
use crate::state::AppState;

/// How many requests are kept when the start does not say.
pub const DEFAULT_SIZE: usize = 10_000;
/// The most of a body kept, in bytes.
pub const BODY_CAP: usize = 16 * 1024;
/// JSON keys whose values are never kept (compared without case, `_` and `-`).
const SECRET_KEYS: [&str; 6] = ["token", "accesstoken", "secret", "clientsecret", "password", "authorization"];

pub struct Journal {
    size: usize,
    kept: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    next: u64,
    entries: VecDeque<JournalEntry>,
}

impl Journal {
    pub fn new(size: usize) -> Self {
        Self { size, kept: Mutex::new(Kept { next: 1, entries: VecDeque::new() }) }
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn add(&self, mut entry: JournalEntry) {
        if self.size == 0 {
            return;
        }
        let mut kept = self.kept();
        entry.id = kept.next;
        kept.next += 1;
        if kept.entries.len() >= self.size {
            kept.entries.pop_front();
        }
        kept.entries.push_back(entry);
    }

    /// The entries `query` asks for, newest first (at most its `limit`).
    pub fn list(&self, query: &JournalQuery) -> Vec<JournalEntry> {
        let limit = query.limit.map_or(usize::MAX, |l| l as usize);
        self.kept().entries.iter().rev().filter(|e| fits(query, e)).take(limit).cloned().collect()
    }

    pub fn count(&self, query: &JournalQuery) -> usize {
        self.kept().entries.iter().filter(|e| fits(query, e)).count()
    }

    pub fn clear(&self) {
        self.kept().entries.clear();
    }
}

fn fits(query: &JournalQuery, entry: &JournalEntry) -> bool {
    let path = entry.path.split('?').next().unwrap_or_default();
    query.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(&entry.method))
        && query.path.as_deref().is_none_or(|p| path_matches(p, path))
        && query.status.is_none_or(|s| s == entry.status)
        && query.caller.as_deref().is_none_or(|c| entry.caller.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(c)))
        && query.correlation_id.as_deref().is_none_or(|c| entry.correlation_id.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(c)))
        && query.since.is_none_or(|since| entry.id > since)
}

/// The layer: serves the request, then keeps what was asked and answered.
pub async fn keep_requests(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let journal = &state.stand_in().journal;
    if journal.size == 0 || super::is_stand_in_path(request.uri().path()) {
        return next.run(request).await;
    }
    let started = Instant::now();
    let at = api_types::datetime::format_precise(time::OffsetDateTime::now_utc());
    let (request_id, correlation_id) = {
        let header = |name: &str| crate::extract::header(request.headers(), name);
        (header("ms-requestid"), header("ms-correlationid"))
    };
    let caller = super::caller_name(&state, &request);
    let mut request = request;
    request.extensions_mut().insert(super::CallerName(caller.clone()));
    let mut entry = JournalEntry {
        id: 0,
        at,
        method: request.method().to_string(),
        path: redact_query(request.uri().path_and_query().map_or("/", |p| p.as_str())),
        status: 0,
        duration_ms: 0.0,
        request_id,
        correlation_id,
        caller,
        request_body: None,
        response_body: None,
        fault: None,
    };
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, crate::BODY_LIMIT).await else {
        let response = ApiError::PayloadTooLarge.into_response();
        entry.status = response.status().as_u16();
        journal.add(entry);
        return response;
    };
    entry.request_body = kept_text(&bytes);
    let response = next.run(Request::from_parts(parts, Body::from(bytes))).await;
    entry.status = response.status().as_u16();
    entry.fault = response.extensions().get::<InjectedFault>().cloned();
    let streamed = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/event-stream"));
    if streamed {
        // An event stream is kept as it opened: its body never ends.
        entry.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
        journal.add(entry);
        return response;
    }
    let (parts, body) = response.into_parts();
    let answer = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            entry.response_body = kept_text(&bytes);
            Response::from_parts(parts, Body::from(bytes))
        }
        // The answer failed half-way (a dropped connection): fail it the same way.
        Err(_) => {
            let failing = futures_util::stream::once(async { Err::<Bytes, std::io::Error>(std::io::Error::other("dropped")) });
            Response::from_parts(parts, Body::from_stream(failing))
        }
    };
    entry.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    journal.add(entry);
    answer
}

/// A body as it is kept: text, secrets redacted, at most [`BODY_CAP`] bytes (`…` marks the
/// cut); none when empty.
fn kept_text(bytes: &Bytes) -> Option<String> {
    if bytes.is_empty() {
        return None;
    }
    let text = match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(mut json) => {
            redact(&mut json);
            json.to_string()
        }
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    };
    if text.len() <= BODY_CAP {
        return Some(text);
    }
    let mut cut = BODY_CAP;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    Some(format!("{}…", &text[..cut]))
}

fn redact(json: &mut serde_json::Value) {
    match json {
        serde_json::Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                let plain: String = key.chars().filter(|c| *c != '_' && *c != '-').collect::<String>().to_ascii_lowercase();
                if SECRET_KEYS.contains(&plain.as_str()) {
                    *value = serde_json::Value::String("redacted".to_string());
                } else {
                    redact(value);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(redact),
        _ => {}
    }
}

/// The path and query with an `access_token` value replaced by `redacted`.
fn redact_query(path_and_query: &str) -> String {
    let Some((path, query)) = path_and_query.split_once('?') else {
        return path_and_query.to_string();
    };
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if name.eq_ignore_ascii_case("access_token") => format!("{name}=redacted"),
            _ => pair.to_string(),
        })
        .collect();
    format!("{path}?{}", query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_never_kept() {
        let body = Bytes::from_static(br#"{"users":[{"name":"Alex","token":"demo-alex","Client_Secret":"s"}]}"#);
        let kept = kept_text(&body).unwrap();
        assert!(!kept.contains("demo-alex") && !kept.contains("\"s\""), "{kept}");
        assert_eq!(redact_query("/v1/events?access_token=demo-x&a=1"), "/v1/events?access_token=redacted&a=1");
    }

    #[test]
    fn long_bodies_are_cut() {
        let body = Bytes::from(vec![b'a'; BODY_CAP * 2]);
        let kept = kept_text(&body).unwrap();
        assert!(kept.len() <= BODY_CAP + '…'.len_utf8() && kept.ends_with('…'));
    }
}
