//! The second backend: the mock Partner Center API over HTTP (gloo-net). Every rule is the
//! server's (and so the domain's); this client speaks the API's shapes (`api-types`), sends
//! each call with the caller's demo token, and tells failures apart by the Partner Center
//! error `code` in the body.

use std::cell::RefCell;
use std::collections::HashMap;

use api_types::demo::DemoUser;
use api_types::{Collection, ErrorBody, ErrorCode};
use domain::{PartnerUser, PartnerUserId};
use gloo_net::http::{Method, Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsCast;

use super::{BackendError, NetworkProblem, Refusal};

pub struct PartnerCenterApi {
    /// e.g. `http://127.0.0.1:8081` (no trailing slash), or "" for the page's own origin.
    base: String,
    /// Demo bearer tokens by user, from `GET /v1/demo/users`.
    tokens: RefCell<HashMap<PartnerUserId, String>>,
}

/// How long a call may take before it counts as failed.
const TIMEOUT_SECONDS: u32 = 10;

impl PartnerCenterApi {
    pub fn new(base: &str) -> Self {
        Self { base: base.trim_end_matches('/').to_string(), tokens: RefCell::new(HashMap::new()) }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// The demo users and their tokens (`GET /v1/demo/users`, no token needed).
    pub(super) async fn demo_users(&self) -> Result<Vec<PartnerUser>, BackendError> {
        let text = self.call(Method::GET, "/v1/demo/users", None, None, &[]).await?;
        let found: Collection<DemoUser> = parse(&text)?;
        let mut tokens = self.tokens.borrow_mut();
        Ok(found
            .items
            .into_iter()
            .map(|u| {
                let user = u.to_domain();
                tokens.insert(user.id.clone(), u.token);
                user
            })
            .collect())
    }

    /// The token `caller` signs in with; the demo users are read first if need be.
    async fn token(&self, caller: &PartnerUserId) -> Result<String, BackendError> {
        if self.tokens.borrow().is_empty() {
            self.demo_users().await?;
        }
        self.tokens.borrow().get(caller).cloned().ok_or(BackendError::Refused(Refusal::UnknownUser))
    }

    /// A GET as `caller`: the reply as `T`.
    pub(super) async fn get<T: DeserializeOwned>(&self, caller: &PartnerUserId, path: &str) -> Result<T, BackendError> {
        parse(&self.send(caller, Method::GET, path, None, &[]).await?)
    }

    /// A POST, with a fresh `MS-RequestId` (so a retry would not create twice).
    pub(super) async fn post<B: Serialize, T: DeserializeOwned>(&self, caller: &PartnerUserId, path: &str, body: &B) -> Result<T, BackendError> {
        let body = to_json(body)?;
        let request_id = random_guid();
        parse(&self.send(caller, Method::POST, path, Some(body), &[("MS-RequestId", &request_id)]).await?)
    }

    pub(super) async fn put<B: Serialize, T: DeserializeOwned>(&self, caller: &PartnerUserId, path: &str, body: &B) -> Result<T, BackendError> {
        let body = to_json(body)?;
        parse(&self.send(caller, Method::PUT, path, Some(body), &[]).await?)
    }

    /// A DELETE of the version `if_match` names.
    pub(super) async fn delete(&self, caller: &PartnerUserId, path: &str, if_match: &str) -> Result<(), BackendError> {
        self.send(caller, Method::DELETE, path, None, &[("If-Match", if_match)]).await.map(|_| ())
    }

    /// A call as `caller`, with their token: the reply's body. Not generic (the typed
    /// helpers above only turn JSON into values), so the Wasm holds it once.
    async fn send(
        &self,
        caller: &PartnerUserId,
        method: Method,
        path: &str,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Result<String, BackendError> {
        let token = self.token(caller).await?;
        self.call(method, path, Some(&token), body, headers).await
    }

    /// One call: the reply's body when it succeeded, the failure it stands for otherwise.
    /// Not generic, so the browser plumbing exists once in the Wasm.
    async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<String>,
        headers: &[(&str, &str)],
    ) -> Result<String, BackendError> {
        let mut builder = RequestBuilder::new(&format!("{}{}", self.base, path))
            .method(method)
            .header("Accept", "application/json")
            .header("MS-CorrelationId", &random_guid())
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
        let text = response.text().await.map_err(|e| BackendError::Network(NetworkProblem::Failed(e.to_string())))?;
        if response.ok() {
            Ok(text)
        } else {
            Err(failure(status, &text))
        }
    }
}

/// A failed reply, by the Partner Center error code in its body.
fn failure(status: u16, body: &str) -> BackendError {
    let Ok(error) = super::json::from_str::<ErrorBody>(body) else {
        return BackendError::Server { status, code: None, message: body.chars().take(200).collect() };
    };
    let refusal = match error.error_code() {
        Some(ErrorCode::NotAdminAgent) => Refusal::NotAdminAgent,
        Some(ErrorCode::NotAllowedToCreateCustomers) => Refusal::NotAllowedToCreateCustomers,
        Some(ErrorCode::Unauthorized) => Refusal::UnknownUser,
        Some(ErrorCode::UnknownCustomer) => Refusal::UnknownCustomer,
        Some(ErrorCode::InvalidCustomerId) => Refusal::InvalidCustomerId,
        Some(ErrorCode::DomainTaken) => Refusal::DomainTaken,
        // The policy that was read changed, is gone, or one was made meanwhile.
        Some(ErrorCode::StaleEtag | ErrorCode::PolicyNotFound | ErrorCode::PolicyNotFoundForUpdate | ErrorCode::PolicyExists) => {
            Refusal::Stale
        }
        _ => return BackendError::Server { status, code: Some(error.code), message: error.description },
    };
    BackendError::Refused(refusal)
}

/// A successful reply's body as `T`.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, BackendError> {
    super::json::from_str(text).map_err(|e| BackendError::Server { status: 200, code: None, message: e })
}

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

/// A random GUID for `MS-RequestId` / `MS-CorrelationId`.
fn random_guid() -> String {
    let mut bytes = [0u8; 16];
    for byte in bytes.iter_mut() {
        *byte = (js_sys::Math::random() * 256.0) as u8;
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    uuid::Uuid::from_bytes(bytes).hyphenated().to_string()
}
