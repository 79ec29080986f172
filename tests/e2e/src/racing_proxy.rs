//! A proxy in front of the mock API that stages a real race: just before it forwards the
//! first `PUT` of a policy, another Admin agent (Diego Siciliani, through the API itself)
//! changes that policy to Azure savings plan only. The forwarded `PUT` then carries an etag
//! that is no longer current, as when two people change one customer at the same moment.
//! Everything else passes through untouched (CORS headers included).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use api_types::policy::{PolicyUpdate, SelfServePolicy};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, HOST};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Permission;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// The `Authorization` of the Admin agent who changes the policy first (Diego Siciliani).
fn rival() -> String {
    format!("Bearer {}", test_support::admin_2().token)
}

#[derive(Clone)]
struct Proxy {
    api: String,
    client: Client<HttpConnector, Body>,
    raced: Arc<AtomicBool>,
}

/// Starts the proxy in front of `api` (e.g. `http://127.0.0.1:40123`); its own address. It
/// stops with the test's runtime.
pub async fn racing_proxy(api: &str) -> String {
    let proxy = Proxy {
        api: api.trim_end_matches('/').to_string(),
        client: Client::builder(TokioExecutor::new()).build_http(),
        raced: Arc::new(AtomicBool::new(false)),
    };
    let app = axum::Router::new().fallback(forward).with_state(proxy);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind the proxy");
    let address = listener.local_addr().expect("its address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{address}")
}

async fn forward(State(proxy): State<Proxy>, request: Request) -> Response {
    let path = request.uri().path().to_string();
    if request.method() == Method::PUT
        && path.starts_with("/v1/SelfServePolicy/")
        && !proxy.raced.swap(true, Ordering::SeqCst)
    {
        proxy.change_first(&path).await;
    }
    let (mut parts, body) = request.into_parts();
    let target = format!("{}{}", proxy.api, parts.uri.path_and_query().map_or("/", |p| p.as_str()));
    parts.uri = target.parse().expect("a proxied URI");
    parts.headers.remove(HOST);
    match proxy.client.request(Request::from_parts(parts, body)).await {
        Ok(response) => response.map(Body::new),
        Err(error) => (StatusCode::BAD_GATEWAY, error.to_string()).into_response(),
    }
}

impl Proxy {
    /// The rival's change: read the policy, then make it Azure savings plan only, with the
    /// etag just read.
    async fn change_first(&self, path: &str) {
        let url = format!("{}{path}", self.api);
        let read = Request::get(&url).header(AUTHORIZATION, rival()).body(Body::empty()).expect("a GET");
        let policy = self.send(read, StatusCode::OK).await;
        let change = PolicyUpdate::new(&policy, &[Permission::AzureSavingsPlan].into());
        let write = Request::put(&url)
            .header(AUTHORIZATION, rival())
            .header(CONTENT_TYPE, "application/json")
            .body(Body::from(serde_json::to_vec(&change).expect("a policy as JSON")))
            .expect("a PUT");
        self.send(write, StatusCode::OK).await;
    }

    async fn send(&self, request: Request, expected: StatusCode) -> SelfServePolicy {
        let response = self.client.request(request).await.expect("the mock API answers the rival");
        let status = response.status();
        let bytes = axum::body::to_bytes(Body::new(response.into_body()), 1 << 20).await.expect("a reply body");
        assert_eq!(status, expected, "the rival's call: {}", String::from_utf8_lossy(&bytes));
        serde_json::from_slice(&bytes).expect("a policy")
    }
}
