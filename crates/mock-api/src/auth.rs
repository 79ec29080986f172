//! Demo identity: one fixed bearer token per demo partner user (`demo-alex.wilber`,
//! [`api_types::demo::token_for`]) and per active customer user (`demo-` and their sign-in
//! name, [`api_types::demo::customer_token_for`]).
//!
//! Three extractors: [`Caller`] (anyone signed in), [`PartnerCaller`] (Partner Center's
//! routes: a customer user's token is refused with 403) and [`CustomerCaller`] (what only a
//! customer user does: buying; a partner user's token is refused with 403).

use std::collections::HashMap;

use api_types::demo::{customer_upn_of_token, token_for};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use domain::{CustomerUpn, PartnerUser, PartnerUserId};

use crate::error::ApiError;
use crate::extract::header;
use crate::state::AppState;

/// Token → partner user, for every demo partner user.
pub fn token_table(users: &[PartnerUser]) -> HashMap<String, PartnerUserId> {
    users.iter().map(|u| (token_for(u), u.id.clone())).collect()
}

/// The signed-in user, partner or customer; 401 without a known bearer token.
pub struct Caller(pub domain::Caller);

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer_token(&parts.headers).ok_or(ApiError::Unauthorized)?;
        Ok(Caller(caller_of_token(state, &token)?))
    }
}

/// The bearer token of `Authorization`, if there is one.
pub fn bearer_token(headers: &axum::http::HeaderMap) -> Option<String> {
    let value = header(headers, AUTHORIZATION.as_str())?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_string())
}

/// Who a token belongs to; 401 when it is no one's, or an inactive customer user's.
pub fn caller_of_token(state: &AppState, token: &str) -> Result<domain::Caller, ApiError> {
    if let Some(partner_user) = state.user_for_token(token) {
        return Ok(domain::Caller::Partner(partner_user));
    }
    let upn = customer_upn_of_token(token).ok_or(ApiError::Unauthorized)?;
    // Only an active user of a customer signs in.
    state.read().customer_user(&upn)?;
    Ok(domain::Caller::Customer(upn))
}

/// The sign-in name a token is of (without checking the user is active): what the journal
/// and fault rules know a caller by. Never the token itself.
pub fn name_of_token(state: &AppState, token: &str) -> Option<String> {
    match state.user_for_token(token) {
        Some(partner_user) => Some(partner_user.as_str().to_string()),
        None => customer_upn_of_token(token).map(|upn| upn.as_str().to_string()),
    }
}

/// A signed-in partner user; 403 for a customer user.
pub struct PartnerCaller(pub PartnerUserId);

impl FromRequestParts<AppState> for PartnerCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match Caller::from_request_parts(parts, state).await?.0 {
            domain::Caller::Partner(id) => Ok(Self(id)),
            domain::Caller::Customer(_) => Err(ApiError::Domain(domain::DomainError::PartnerUsersOnly)),
        }
    }
}

/// A signed-in customer user; 403 for a partner user.
pub struct CustomerCaller(pub CustomerUpn);

impl FromRequestParts<AppState> for CustomerCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match Caller::from_request_parts(parts, state).await?.0 {
            domain::Caller::Customer(upn) => Ok(Self(upn)),
            domain::Caller::Partner(_) => Err(ApiError::Domain(domain::DomainError::CustomerUsersOnly)),
        }
    }
}
