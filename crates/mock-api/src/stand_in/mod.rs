//! `/_mock/…`: the mock API as a local stand-in for Partner Center and Azure, what partner
//! developers expect of one (WireMock's admin API, LocalStack's fault injection): fault rules
//! ([`faults`]), the request journal ([`journal`]), and a clean start for each test (fresh
//! demo data, or a snapshot taken earlier). **This API's addition**; open to partner Admin
//! agents and to the admin token the server prints at start-up.

pub mod faults;
pub mod journal;
mod routes;

use std::collections::BTreeMap;
use std::sync::Mutex;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use domain::{PartnerRole, StoreSnapshot};

use crate::auth::{bearer_token, name_of_token};
use crate::error::ApiError;
use crate::state::AppState;

pub use faults::FaultRules;
pub use journal::Journal;
pub use routes::routes;

/// The prefix of every route here.
pub const PREFIX: &str = "/_mock";
/// The OpenAPI tag of every route here.
pub const TAG: &str = "Local stand-in (this API's addition)";

/// Whether `path` is one of `/_mock`'s routes (which the journal and fault rules leave alone).
pub fn is_stand_in_path(path: &str) -> bool {
    path.strip_prefix(PREFIX).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// How the stand-in starts.
#[derive(Debug, Clone)]
pub struct StandInConfig {
    /// The token that opens `/_mock` beside partner Admin agents' (`--admin-token`; a fresh
    /// one when not given).
    pub admin_token: String,
    /// How many requests the journal keeps (`--journal-size`).
    pub journal_size: usize,
    /// Fault rules in force from the start (`--faults FILE`).
    pub faults: Vec<api_types::stand_in::NewFaultRule>,
}

impl Default for StandInConfig {
    fn default() -> Self {
        Self {
            admin_token: format!("mock-admin-{}", crate::state::fresh_id().simple()),
            journal_size: journal::DEFAULT_SIZE,
            faults: Vec::new(),
        }
    }
}

/// What the stand-in holds, beside the data.
pub struct StandIn {
    admin_token: String,
    pub faults: FaultRules,
    pub journal: Journal,
    /// Snapshots by name, with when each was taken.
    snapshots: Mutex<BTreeMap<String, (StoreSnapshot, String)>>,
}

impl StandIn {
    pub fn new(config: StandInConfig) -> Result<Self, ApiError> {
        let faults = FaultRules::default();
        for rule in config.faults {
            faults.add(rule)?;
        }
        Ok(Self {
            admin_token: config.admin_token,
            faults,
            journal: Journal::new(config.journal_size),
            snapshots: Mutex::new(BTreeMap::new()),
        })
    }

    pub fn admin_token(&self) -> &str {
        &self.admin_token
    }

    fn snapshots(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, (StoreSnapshot, String)>> {
        self.snapshots.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Who calls, by name, as the request journal found it: put with the request for the fault
/// rules' layer, so that a token is looked up once per request.
#[derive(Clone)]
pub struct CallerName(pub Option<String>);

/// Who calls, by name (a partner user's or customer user's sign-in name): as the journal
/// found it ([`CallerName`]), or else from the bearer token or (on the event stream, which
/// browsers open without headers) `access_token`.
pub fn caller_name(state: &AppState, request: &Request) -> Option<String> {
    if let Some(CallerName(name)) = request.extensions().get::<CallerName>() {
        return name.clone();
    }
    let token = bearer_token(request.headers()).or_else(|| {
        request.uri().query()?.split('&').find_map(|pair| {
            let (name, value) = pair.split_once('=')?;
            name.eq_ignore_ascii_case("access_token").then(|| value.to_string())
        })
    })?;
    name_of_token(state, &token)
}

/// A caller `/_mock` is open to: the admin token, or a partner Admin agent's; 401 without a
/// known token, 403 for anyone else.
pub struct StandInAdmin;

impl FromRequestParts<AppState> for StandInAdmin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer_token(&parts.headers).ok_or(ApiError::Unauthorized)?;
        if token == state.stand_in().admin_token {
            return Ok(Self);
        }
        match crate::auth::caller_of_token(state, &token)? {
            domain::Caller::Partner(id) => {
                let admin = state.read().partner_users().iter().any(|u| u.id == id && u.role == PartnerRole::AdminAgent);
                if admin { Ok(Self) } else { Err(ApiError::StandInAdminOnly) }
            }
            domain::Caller::Customer(_) => Err(ApiError::StandInAdminOnly),
        }
    }
}
