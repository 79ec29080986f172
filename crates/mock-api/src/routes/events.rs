//! `GET /v1/events`: every kept change as server-sent events (**this API's addition**; the
//! shapes and the resumption are told in [`api_types::change_event`]). Browsers open an
//! event stream without headers, so the token may come as `?access_token=` here (the journal
//! never keeps it).

use std::convert::Infallible;
use std::time::Duration;

use api_types::change_event::ChangeEvent;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream, StreamExt};
use serde::Deserialize;
use tokio_stream::wrappers::BroadcastStream;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::{bearer_token, caller_of_token};
use crate::error::ApiError;
use crate::events::Published;
use crate::extract::{header, Params};
use crate::state::AppState;

pub const TAG: &str = "Live updates (this API's addition)";

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(events))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StreamQuery {
    /// The bearer token, for clients that cannot send `Authorization` (a browser's
    /// `EventSource`).
    #[serde(default)]
    access_token: Option<String>,
}

/// Every change kept from now on that the caller may see (a customer user: their own
/// company's), as `event: change` with a `ChangeEvent` as `data`; with `Last-Event-ID`, first
/// what was missed since (or one event of kind `everything`). A comment every 15 seconds
/// keeps the connection open.
#[utoipa::path(
    get,
    path = "/v1/events",
    operation_id = "streamChanges",
    tag = TAG,
    params(
        StreamQuery,
        ("Last-Event-ID" = Option<String>, Header, description = "The id of the last event received, to resume after it."),
    ),
    responses(
        (status = 200, description = "A stream of server-sent events (`text/event-stream`), each `data` a ChangeEvent.",
            content_type = "text/event-stream", body = ChangeEvent),
    )
)]
async fn events(
    State(state): State<AppState>,
    headers: HeaderMap,
    Params(query): Params<StreamQuery>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let token = bearer_token(&headers).or(query.access_token).ok_or(ApiError::Unauthorized)?;
    let company = match caller_of_token(&state, &token)? {
        domain::Caller::Partner(_) => None,
        domain::Caller::Customer(upn) => Some(state.read().customer_user(&upn)?.0.id),
    };
    let (missed, receiver) = state.events().subscribe(header(&headers, "last-event-id").as_deref());
    // A partner user's notifications read are no customer's business.
    let sees = move |published: &Published| match (company, published.event.customer_id) {
        (Some(own), Some(about)) => own == about,
        (Some(_), None) => published.event.kind != api_types::change_event::ChangeKind::Notifications,
        (None, _) => true,
    };
    // A listener too slow for the channel missed some: it reads everything again.
    let next = BroadcastStream::new(receiver).map(|received| {
        received.unwrap_or_else(|_| Published { id: String::new(), event: ChangeEvent::EVERYTHING })
    });
    let stream = stream::iter(missed)
        .chain(next)
        .filter(move |published| std::future::ready(sees(published)))
        .map(|published| {
            let event = Event::default().event("change").json_data(published.event).unwrap_or_default();
            Ok(if published.id.is_empty() { event } else { event.id(published.id) })
        });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}
