//! The second backend: the mock Partner Center API over HTTP (gloo-net). Every rule is the
//! server's (and so the domain's); this client speaks the API's shapes (`api-types`), sends
//! each call with the caller's demo token, and tells failures apart by the Partner Center
//! error `code` in the body.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use api_types::demo::{customer_token_for, DemoUsers};
use api_types::endpoint::ListDemoUsers;
use api_types::{Endpoint, ErrorCode, ErrorReply};
use domain::Caller;
use gloo_net::http::{Method, Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;

use domain::DomainError;

use super::{random_guid, BackendError, NetworkProblem, Revision, SignInList};
use crate::browser_events::Listener;

pub struct PartnerCenterApi {
    /// e.g. `http://127.0.0.1:8081` (no trailing slash), or "" for the page's own origin.
    base: String,
    /// Demo bearer tokens of the partner users, from `GET /v1/demo/users` (a customer
    /// user's token is made from their sign-in name).
    tokens: RefCell<HashMap<Caller, String>>,
    revision: Rc<Revision>,
    /// The event stream followed (`GET /v1/events`), as its caller sees it.
    stream: RefCell<Option<(web_sys::EventSource, Listener)>>,
    /// Told how long the app waits before asking a busy server again.
    server_wait: RefCell<Option<Box<dyn Fn(Option<u32>)>>>,
}

/// How long a call may take before it counts as failed.
const TIMEOUT_SECONDS: u32 = 10;
/// How often a call the server answered 429 is asked again, and the longest wait between.
const RETRIES: u32 = 3;
const MAX_WAIT_SECONDS: u32 = 30;

impl PartnerCenterApi {
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_string(),
            tokens: RefCell::new(HashMap::new()),
            revision: Rc::new(Revision::default()),
            stream: RefCell::new(None),
            server_wait: RefCell::new(None),
        }
    }

    /// Follows the changes `caller` may see as the server keeps them (`GET /v1/events`,
    /// with the token in the address, as a browser's event stream must): each one makes
    /// every page read again (held back while a dialog is open). The browser reconnects on
    /// its own, resuming after the last event it had.
    pub(super) fn follow_changes(&self, caller: &Caller) {
        let token = match caller {
            Caller::Customer(upn) => Some(customer_token_for(upn)),
            Caller::Partner(_) => self.tokens.borrow().get(caller).cloned(),
        };
        let Some(token) = token else { return };
        if let Some((old, _)) = self.stream.borrow_mut().take() {
            old.close();
        }
        let url = format!("{}/v1/events?access_token={}", self.base, api_types::encode_query_value(&token));
        let Ok(source) = web_sys::EventSource::new(&url) else { return };
        let revision = self.revision.clone();
        let listener = Listener::new(
            source.unchecked_ref(),
            "change",
            Box::new(move |event| {
                // Which customer and what kind of thing it was about: only the pages showing
                // that read again.
                let change = event
                    .dyn_ref::<web_sys::MessageEvent>()
                    .and_then(|message| message.data().as_string())
                    .and_then(|data| super::json::from_str::<api_types::change_event::ChangeEvent>(&data).ok());
                revision.bump_from_elsewhere(change)
            }),
        );
        if let Some(listener) = listener {
            *self.stream.borrow_mut() = Some((source, listener));
        }
    }

    pub(super) fn on_server_wait(&self, notify: Box<dyn Fn(Option<u32>)>) {
        *self.server_wait.borrow_mut() = Some(notify);
    }

    fn tell_wait(&self, seconds: Option<u32>) {
        if let Some(notify) = self.server_wait.borrow().as_ref() {
            notify(seconds);
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub(super) fn revision(&self) -> &Revision {
        &self.revision
    }

    /// Everyone who can sign in, and the partner users' tokens (`GET /v1/demo/users`, no
    /// token needed).
    pub(super) async fn demo_users(&self) -> Result<SignInList, BackendError> {
        // Without a token: this is how the tokens are learnt.
        let text = self.fetch(ListDemoUsers::METHOD, &ListDemoUsers {}.path(), None, None, &[]).await?;
        let found: DemoUsers = parse(&text)?;
        let mut tokens = self.tokens.borrow_mut();
        let partner_users = found
            .items
            .into_iter()
            .map(|u| {
                let user = u.to_domain();
                tokens.insert(Caller::Partner(user.id.clone()), u.token);
                user
            })
            .collect();
        Ok(SignInList { partner_users, companies: found.companies.into_iter().map(|c| c.into_domain()).collect() })
    }

    /// The token `caller` signs in with; the demo users are read first if need be.
    async fn token(&self, caller: &Caller) -> Result<String, BackendError> {
        if let Caller::Customer(upn) = caller {
            return Ok(customer_token_for(upn));
        }
        if self.tokens.borrow().is_empty() {
            self.demo_users().await?;
        }
        self.tokens.borrow().get(caller).cloned().ok_or(BackendError::NotSignedIn)
    }

    /// Every page of an Azure list: `page(skip)` is the list from its `skip`th item, followed
    /// while the server gives a `nextLink`.
    pub(super) async fn all_pages<E, T>(&self, caller: &Caller, page: impl Fn(usize) -> E) -> Result<Vec<T>, BackendError>
    where
        E: Endpoint<Reply = api_types::arm::ArmList<T>>,
    {
        let mut all = Vec::new();
        loop {
            let list = self.call(caller, &page(all.len())).await?;
            let more = list.next_link.is_some() && !list.value.is_empty();
            all.extend(list.value);
            if !more {
                return Ok(all);
            }
        }
    }

    /// One operation as `caller`: its reply. A POST gets a fresh `MS-RequestId` (so a retry
    /// would not create twice); a change made on a version read sends it as `If-Match`.
    pub(super) async fn call<E: Endpoint>(&self, caller: &Caller, endpoint: &E) -> Result<E::Reply, BackendError> {
        let body = endpoint.body().map(to_json).transpose()?;
        let request_id = random_guid().hyphenated().to_string();
        let mut headers: Vec<(&str, &str)> = Vec::new();
        if E::METHOD == api_types::Method::Post {
            headers.push(("MS-RequestId", &request_id));
        }
        if let Some(etag) = endpoint.if_match() {
            headers.push(("If-Match", etag));
        }
        let sent = self.send(caller, E::METHOD, &endpoint.path(), body, &headers).await;
        if E::CHANGES && matches!(&sent, Ok(_) | Err(BackendError::Server { .. } | BackendError::Network(_))) {
            // The server kept a change (or found nothing to change), or failed or could not
            // be reached midway: every page reads the true state again.
            self.revision.bump();
        }
        let text = sent?;
        // A success without a body (204) reads as `null`.
        parse(if text.trim().is_empty() { "null" } else { &text })
    }

    /// A call as `caller`, with their token: the reply's body. Not generic (`call` only turns
    /// JSON into values), so the Wasm holds it once.
    async fn send(
        &self,
        caller: &Caller,
        method: api_types::Method,
        path: &str,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Result<String, BackendError> {
        let token = self.token(caller).await?;
        self.fetch(method, path, Some(&token), body, headers).await
    }

    /// One call: the reply's body when it succeeded, the failure it stands for otherwise. A
    /// 429 is asked again (the same request: a POST keeps its `MS-RequestId`) after the
    /// `Retry-After` it gives, at most [`RETRIES`] times, the wait told meanwhile. Not
    /// generic, so the browser plumbing exists once in the Wasm.
    async fn fetch(
        &self,
        method: api_types::Method,
        path: &str,
        token: Option<&str>,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Result<String, BackendError> {
        let mut retries = 0;
        loop {
            let (status, retry_after, text) = self.fetch_once(method, path, token, body.clone(), headers).await?;
            if status == 429 && retries < RETRIES {
                retries += 1;
                let seconds = retry_after.unwrap_or(1).clamp(1, MAX_WAIT_SECONDS);
                self.tell_wait(Some(seconds));
                crate::browser_events::sleep(seconds * 1000).await;
                self.tell_wait(None);
                continue;
            }
            return if (200..300).contains(&status) { Ok(text) } else { Err(failure(status, &text)) };
        }
    }

    /// One request: its status, `Retry-After` (seconds) and body.
    async fn fetch_once(
        &self,
        method: api_types::Method,
        path: &str,
        token: Option<&str>,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Result<(u16, Option<u32>, String), BackendError> {
        let mut builder = RequestBuilder::new(&format!("{}{}", self.base, path))
            .method(gloo_method(method))
            .header("Accept", "application/json")
            .header("MS-CorrelationId", &random_guid().hyphenated().to_string())
            .abort_signal(timeout_signal().as_ref());
        if let Some(token) = token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        let request = match body {
            Some(body) => builder.header("Content-Type", "application/json").body(body),
            None => builder.build(),
        };
        let response = send(request).await?;
        let status = response.status();
        let retry_after = response.headers().get("retry-after").and_then(|v| v.trim().parse().ok());
        let text = response.text().await.map_err(|e| BackendError::Network(NetworkProblem::Failed(e.to_string())))?;
        Ok((status, retry_after, text))
    }
}

/// A failed reply, by the error code in its body (Partner Center's `code`, or Azure
/// Resource Manager's `error.code`). A refusal the domain decided comes back as the same
/// domain error, so it is put into the same words as on the embedded store.
fn failure(status: u16, body: &str) -> BackendError {
    let Ok(error) = super::json::from_str::<ErrorReply>(body) else {
        return BackendError::Server { status, code: None, message: body.chars().take(200).collect() };
    };
    if let Some(refused) = error.domain_error() {
        return BackendError::Refused(refused);
    }
    match error.error_code() {
        Some(ErrorCode::Unauthorized) => BackendError::NotSignedIn,
        // The policy that was read is gone, or one was made meanwhile: what was read changed.
        Some(ErrorCode::PolicyNotFound | ErrorCode::PolicyNotFoundForUpdate | ErrorCode::PolicyExists) => {
            BackendError::Refused(DomainError::StaleEtag)
        }
        Some(ErrorCode::UnknownRoleAssignment | ErrorCode::CartNotFound) => BackendError::NotFound,
        _ => {
            let code = error.code.or_else(|| error.error_code().map(|c| c.code()));
            BackendError::Server { status, code, message: error.message().chars().take(200).collect() }
        }
    }
}

fn gloo_method(method: api_types::Method) -> Method {
    match method {
        api_types::Method::Get => Method::GET,
        api_types::Method::Post => Method::POST,
        api_types::Method::Put => Method::PUT,
        api_types::Method::Patch => Method::PATCH,
        api_types::Method::Delete => Method::DELETE,
    }
}

/// A successful reply's body as `T`.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, BackendError> {
    super::json::from_str(text).map_err(|e| BackendError::Server { status: 200, code: None, message: e })
}

/// A request body as JSON.
fn to_json<B: Serialize>(body: &B) -> Result<String, BackendError> {
    super::json::to_string(body).map_err(|e| BackendError::Server { status: 0, code: None, message: e })
}

/// A signal that aborts the request after [`TIMEOUT_SECONDS`].
fn timeout_signal() -> Option<web_sys::AbortSignal> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let abort = wasm_bindgen::closure::Closure::once_into_js(move || controller.abort());
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.unchecked_ref(), TIMEOUT_SECONDS as i32 * 1000)
        .ok()?;
    Some(signal)
}

async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, BackendError> {
    let request = request.map_err(|e| BackendError::Network(NetworkProblem::Failed(e.to_string())))?;
    request.send().await.map_err(|e| {
        let text = e.to_string();
        if text.contains("abort") {
            BackendError::Network(NetworkProblem::Timeout(TIMEOUT_SECONDS))
        } else {
            BackendError::Network(NetworkProblem::Failed(text))
        }
    })
}

/// A successful reply that does not say what this client needs (e.g. a product it does
/// not know).
pub(super) fn unreadable() -> BackendError {
    BackendError::Server { status: 200, code: None, message: "unreadable reply".to_string() }
}
