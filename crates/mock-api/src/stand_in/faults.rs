//! Fault rules: the server fails on purpose, as a test asks (`/_mock/faults`, or
//! `--faults FILE` at start). Each request (but `/_mock`'s) is checked against the rules in
//! the order they were made; every rule it matches counts it, and the first whose `when`
//! says so applies: a delay before the route answers as usual, or an answer instead of the
//! route (429 with `Retry-After`, 500, 503, or a dropped connection), in which case the route
//! never runs and nothing changes.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use api_types::stand_in::{Fault, FaultRule, FaultWhen, InjectedFault, NewFaultRule};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::rng::DemoRng;
use uuid::Uuid;

use crate::error::ApiError;
use crate::middleware::is_arm_path;
use crate::state::AppState;

pub struct FaultRules {
    held: Mutex<Held>,
}

struct Held {
    rules: Vec<(FaultRule, Option<Instant>)>,
    rng: DemoRng,
}

impl Default for FaultRules {
    fn default() -> Self {
        let seed = time::OffsetDateTime::now_utc().unix_timestamp_nanos() as u64;
        Self { held: Mutex::new(Held { rules: Vec::new(), rng: DemoRng::new(seed) }) }
    }
}

impl FaultRules {
    fn held(&self) -> std::sync::MutexGuard<'_, Held> {
        self.held.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Adds a rule, once it is checked; the rule as held.
    pub fn add(&self, rule: NewFaultRule) -> Result<FaultRule, ApiError> {
        check(&rule)?;
        let expires = rule.expires_in_seconds.map(|s| Instant::now() + Duration::from_secs(u64::from(s)));
        let held = FaultRule {
            id: crate::state::fresh_id(),
            rule,
            matched: 0,
            applied: 0,
            created: api_types::datetime::format(time::OffsetDateTime::now_utc()),
        };
        let mut all = self.held();
        all.rules.push((held.clone(), expires));
        Ok(held)
    }

    /// The rules in force, oldest first.
    pub fn list(&self) -> Vec<FaultRule> {
        let mut all = self.held();
        drop_expired(&mut all.rules);
        all.rules.iter().map(|(rule, _)| rule.clone()).collect()
    }

    pub fn remove(&self, id: Uuid) -> Result<(), ApiError> {
        let mut all = self.held();
        drop_expired(&mut all.rules);
        let before = all.rules.len();
        all.rules.retain(|(rule, _)| rule.id != id);
        if all.rules.len() == before { Err(ApiError::UnknownFaultRule(id)) } else { Ok(()) }
    }

    pub fn clear(&self) {
        self.held().rules.clear();
    }

    /// No rule is in force: nothing to look up for a request.
    fn is_empty(&self) -> bool {
        self.held().rules.is_empty()
    }

    /// The fault that applies to this request, if one does (counted).
    fn decide(&self, method: &str, path: &str, caller: Option<&str>) -> Option<(InjectedFault, Duration)> {
        let mut all = self.held();
        drop_expired(&mut all.rules);
        let Held { rules, rng } = &mut *all;
        let mut applies = None;
        for (index, (rule, _)) in rules.iter_mut().enumerate() {
            let m = &rule.rule.matches;
            let matches = m.method.as_deref().is_none_or(|x| x == method)
                && m.path.as_deref().is_none_or(|pattern| path_matches(pattern, path))
                && m.caller.as_deref().is_none_or(|x| caller.is_some_and(|c| c.eq_ignore_ascii_case(x)));
            if !matches {
                continue;
            }
            rule.matched += 1;
            if applies.is_some() {
                continue;
            }
            let fires = match rule.rule.when {
                Some(FaultWhen::Probability(p)) => (rng.next_u64() as f64 / u64::MAX as f64) < p,
                Some(FaultWhen::First(first)) => rule.matched <= first,
                Some(FaultWhen::Nth(nth)) => rule.matched == nth,
                None => true,
            };
            if fires {
                rule.applied += 1;
                let delay = match rule.rule.fault {
                    Fault::Latency { ms, max_ms } => {
                        let top = max_ms.unwrap_or(ms).max(ms);
                        Duration::from_millis(u64::from(ms) + rng.below(u64::from(top - ms) + 1))
                    }
                    _ => Duration::ZERO,
                };
                applies = Some((index, InjectedFault { rule: rule.id, fault: rule.rule.fault.clone() }, delay));
            }
        }
        let (index, injected, delay) = applies?;
        if rules[index].0.rule.expires_after_uses.is_some_and(|uses| rules[index].0.applied >= uses) {
            rules.remove(index);
        }
        Some((injected, delay))
    }
}

fn drop_expired(rules: &mut Vec<(FaultRule, Option<Instant>)>) {
    let now = Instant::now();
    rules.retain(|(_, expires)| expires.is_none_or(|at| at > now));
}

/// What makes a rule unusable ([`NewFaultRule::problem`]): 400 for what its schema forbids,
/// 422 for what the schema cannot say (a `maxMs` below `ms`).
fn check(rule: &NewFaultRule) -> Result<(), ApiError> {
    match rule.problem() {
        None => Ok(()),
        Some(problem) if problem.schema_forbids() => Err(ApiError::BadRequest(problem.description().to_string())),
        Some(problem) => Err(ApiError::Unprocessable(problem.description().to_string())),
    }
}

/// Whether `path` fits `pattern`, where `*` is any characters but `/` and `**` any
/// characters; letters in any case.
pub fn path_matches(pattern: &str, path: &str) -> bool {
    fn fits(pattern: &[u8], path: &[u8]) -> bool {
        match pattern {
            [] => path.is_empty(),
            [b'*', b'*', rest @ ..] => (0..=path.len()).any(|skip| fits(rest, &path[skip..])),
            [b'*', rest @ ..] => {
                let segment = path.iter().position(|c| *c == b'/').unwrap_or(path.len());
                (0..=segment).any(|skip| fits(rest, &path[skip..]))
            }
            [first, rest @ ..] => path.first().is_some_and(|c| c.eq_ignore_ascii_case(first)) && fits(rest, &path[1..]),
        }
    }
    fits(pattern.as_bytes(), path.as_bytes())
}

/// The layer: applies the rule that fires, if any.
pub async fn apply_faults(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    if super::is_stand_in_path(&path) || state.stand_in().faults.is_empty() {
        return next.run(request).await;
    }
    let caller = super::caller_name(&state, &request);
    let decided = state.stand_in().faults.decide(request.method().as_str(), &path, caller.as_deref());
    let Some((injected, delay)) = decided else {
        return next.run(request).await;
    };
    let mut response = match &injected.fault {
        Fault::Latency { .. } => {
            tokio::time::sleep(delay).await;
            next.run(request).await
        }
        Fault::TooManyRequests { retry_after_seconds } => {
            let mut response = error_response(&path, ApiError::Injected { status: 429, rule: injected.rule });
            response.headers_mut().insert("retry-after", HeaderValue::from(*retry_after_seconds));
            response
        }
        Fault::ServerError { status } => error_response(&path, ApiError::Injected { status: u16::try_from(*status).unwrap_or(500), rule: injected.rule }),
        Fault::DropConnection {} => {
            // The status line goes out; the body fails at once, so the connection closes
            // without a complete answer.
            let failing = futures_util::stream::once(async { Err::<Bytes, std::io::Error>(std::io::Error::other("dropped by a fault rule")) });
            (StatusCode::OK, Body::from_stream(failing)).into_response()
        }
    };
    response.extensions_mut().insert(injected);
    response
}

/// An injected failure in the route's error body: Azure's on Azure's routes, Partner
/// Center's elsewhere.
fn error_response(path: &str, error: ApiError) -> Response {
    if is_arm_path(path) {
        (error.status(), Json(error.arm_body())).into_response()
    } else {
        (error.status(), Json(error.body())).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::path_matches;

    #[test]
    fn patterns_match_one_segment_with_a_star_and_any_with_two() {
        assert!(path_matches("/v1/customers/*/orders", "/v1/customers/abc/orders"));
        assert!(path_matches("/V1/Customers/*/orders", "/v1/customers/abc/orders"));
        assert!(!path_matches("/v1/customers/*/orders", "/v1/customers/a/b/orders"));
        assert!(path_matches("/providers/**", "/providers/Microsoft.Capacity/reservationOrders/x"));
        assert!(path_matches("/v1/customers*", "/v1/customers"));
        assert!(!path_matches("/v1/customers", "/v1/customers/x"));
    }
}
