//! Demo identity: one fixed bearer token per demo partner user, e.g. `demo-alex.wilber`
//! ([`api_types::demo::token_for`]).

use std::collections::HashMap;

use api_types::demo::token_for;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use domain::{PartnerUser, PartnerUserId};

use crate::error::ApiError;
use crate::extract::header;
use crate::state::AppState;

/// Token → partner user, for every demo partner user.
pub fn token_table(users: &[PartnerUser]) -> HashMap<String, PartnerUserId> {
    users.iter().map(|u| (token_for(u), u.id.clone())).collect()
}

/// The signed-in partner user; 401 without a known bearer token.
pub struct Caller(pub PartnerUserId);

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let value = header(&parts.headers, AUTHORIZATION.as_str()).ok_or(ApiError::Unauthorized)?;
        let (scheme, token) = value.split_once(' ').ok_or(ApiError::Unauthorized)?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return Err(ApiError::Unauthorized);
        }
        state
            .user_for_token(token.trim())
            .map(Caller)
            .ok_or(ApiError::Unauthorized)
    }
}
