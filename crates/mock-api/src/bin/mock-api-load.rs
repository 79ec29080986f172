//! `mock-api-load`: a bounded load on the mock API over loopback, for `cargo xtask bench`.
//!
//! Starts the server in-process on 127.0.0.1 (port 0) over a new temporary data file with
//! 10,000 generated customers, then measures with a few keep-alive HTTP/1.1 connections:
//! - what one toggle of a switch writes: [`TOGGLES`] grants and revokes of one customer's
//!   permission, as the app sends them (`POST` with an `MS-RequestId`, `DELETE`), each
//!   followed by the bytes of row values the server kept and by the growth of the SQLite
//!   file and its write-ahead log;
//! - a fixed number of `GET /v1/SelfServePolicy/{id}`, and a fixed number of grant/revoke
//!   rounds (`POST` then `DELETE`), in requests per second and p50/p99 latency. The GETs go
//!   to two more servers opened on the same data file, one with the request journal on (its
//!   default size) and one with it off (size 0): the journal's cost. Beside them, the same
//!   GETs answered by a bare axum handler with the same JSON bytes (same process, same
//!   runtime, same client): what HTTP alone costs here, so the server's figure can be read
//!   on any machine;
//! - purchase to confirmation: [`PURCHASES`] reservations bought one after the other by a
//!   customer user (an Owner at a ready customer whose partner allows it), each a
//!   `PUT /providers/Microsoft.Capacity/reservationOrders/{id}` with a new id answered 200
//!   (as Azure answers; each must add a reservation to the store), in p50/p99 latency;
//! - writes with event streams open: [`WRITES`] grants and revokes of one customer's
//!   permission, one after the other, with no `GET /v1/events` open and then with [`STREAMS`]
//!   open, each read by a task of its own (every stream must receive every write's event), in
//!   p50/p99 latency.
//!
//! Then it stops the server and removes the data file. Every loop is bounded in count and
//! in time.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use api_types::demo::{customer_token_for, token_for};
use api_types::policy::{policy_id, NewPolicy};
use api_types::reservation::{reservation_order_path, NewReservationOrder};
use domain::{
    AppliedScope, BillingPlan, CustomerId, CustomerUpn, Permission, PermissionSet, Region, ReservationOrderId,
    ReservationRequest, Term, VmSize,
};
use mock_api::stand_in::{journal, StandInConfig};
use mock_api::AppState;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::task::JoinHandle;

const CUSTOMERS: u32 = 10_000;
const CONNECTIONS: usize = 4;
const WARM_UP_GETS: usize = 1_000;
const GETS: usize = 20_000;
const ROUNDS: usize = 500;
/// Changes of one switch (half grants, half revokes) whose writes are measured.
const TOGGLES: usize = 100;
/// Reservations bought, one after the other, for the purchase latency.
const PURCHASES: usize = 300;
/// Who buys them: an Owner at Contoso, whose partner allows reservations.
const BUYER: &str = "meganb@contoso.onmicrosoft.com";
/// Event streams (`GET /v1/events`) open while writes are measured.
const STREAMS: usize = 200;
/// Writes (grants and revokes in turn) measured without and with the event streams.
const WRITES: usize = 300;
/// What the issue asks of one toggle, in bytes.
const TARGET_BYTES_PER_TOGGLE: f64 = 2048.0;
/// The target the issue sets (on 2 cores); reported, never enforced.
const TARGET_GETS_PER_SECOND: f64 = 10_000.0;
/// No phase runs longer than this, whatever happens.
const PHASE_LIMIT: Duration = Duration::from_secs(60);
/// No single read or write waits longer than this.
const IO_LIMIT: Duration = Duration::from_secs(10);

fn main() -> ExitCode {
    let data = DataFile(
        std::env::temp_dir().join(format!("mock-api-load-{}.sqlite3", std::process::id())),
    );
    data.remove();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("mock-api-load: no runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(&data.0)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("mock-api-load: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The requests of one measured round, sent one after the other on one connection: a
/// single GET, or a POST and its DELETE.
type Round = Vec<Vec<u8>>;

async fn run(data: &Path) -> Result<(), String> {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    println!("\n== Mock API under load on loopback ({cores} cores; the server and the client share them)");
    let started = Instant::now();
    let (state, _) = AppState::open(data, CUSTOMERS).map_err(|e| format!("data file: {e}"))?;
    let buyer = CustomerUpn::new(BUYER);
    let (granted, ungranted, toggled, token, partner, count, buyer_azure) = {
        let store = state.read();
        let buyer_azure = store
            .my_azure_subscriptions(&buyer)
            .map_err(|e| format!("the buyer {BUYER}: {e}"))?
            .first()
            .map(|s| s.azure_subscription_id)
            .ok_or(format!("{BUYER} has no Azure subscription"))?;
        let admin = store
            .partner_users()
            .iter()
            .find(|u| u.role.may_change_customer_permissions())
            .ok_or("no Admin agent in the demo data")?;
        let read = |e: domain::DomainError| format!("reading the demo data: {e}");
        let granted: Vec<CustomerId> = store
            .policies(&admin.id)
            .map_err(read)?
            .iter()
            .map(|p| p.customer_id)
            .collect();
        let all = store
            .customers_page(&admin.id, "", 0, store.customer_count())
            .map_err(read)?;
        let ungranted: Vec<CustomerId> = all
            .items
            .iter()
            .filter(|c| c.permissions.is_empty())
            .map(|c| c.id)
            .collect();
        let toggled = all
            .items
            .iter()
            .find(|c| c.company_name == TOGGLED)
            .filter(|c| c.permissions.is_empty())
            .map(|c| c.id)
            .ok_or(format!("no {TOGGLED} without permissions in the demo data"))?;
        (
            granted,
            ungranted,
            toggled,
            token_for(admin),
            store.partner().tenant_id,
            store.customer_count(),
            buyer_azure,
        )
    };
    println!(
        "new data file with {count} customers ({} with a policy): {:.0} ms",
        granted.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    if granted.is_empty() || ungranted.len() < ROUNDS + 1 {
        return Err("the demo data has too few customers with and without a policy".to_string());
    }
    let ungranted: Vec<CustomerId> = ungranted.into_iter().filter(|c| *c != toggled).collect();

    let server = Served::start(mock_api::app(state.clone())).await?;
    let port = server.port;

    let get = |n: usize, port: u16| {
        let id = policy_id(partner, &granted[n % granted.len()]);
        request(
            "GET",
            &format!("/v1/SelfServePolicy/{id}"),
            &token,
            port,
            None,
        )
    };
    let gets_on = |port: u16| -> (Vec<Round>, Vec<Round>) {
        ((0..WARM_UP_GETS).map(|n| vec![get(n, port)]).collect(), (0..GETS).map(|n| vec![get(n, port)]).collect())
    };
    let reservations: PermissionSet = [Permission::AzureReservations].into_iter().collect();
    let grant = |customer: &CustomerId, request_id: Option<&str>| {
        let body =
            serde_json::to_string(&NewPolicy::new(*customer, &reservations)).unwrap_or_default();
        let mut request = request("POST", "/v1/SelfServePolicy", &token, port, Some(&body));
        if let Some(id) = request_id {
            request = with_header(request, "MS-RequestId", id);
        }
        request
    };
    let revoke = |customer: &CustomerId| {
        let id = policy_id(partner, customer);
        request(
            "DELETE",
            &format!("/v1/SelfServePolicy/{id}"),
            &token,
            port,
            None,
        )
    };
    let round = |customer: &CustomerId| vec![grant(customer, None), revoke(customer)];
    // Grants and revokes of the toggled customer, each a round of its own (its own latency):
    // the toggles before end with a revoke, and so do these (an even number).
    let writes: Vec<Round> = (0..WRITES)
        .map(|n| vec![if n % 2 == 0 { grant(&toggled, None) } else { revoke(&toggled) }])
        .collect();
    let stream_request = format!(
        "GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n"
    );
    let grants: Vec<Round> = ungranted.iter().take(ROUNDS).map(round).collect();
    let toggles: Vec<Vec<u8>> = (0..TOGGLES)
        .map(|n| {
            if n % 2 == 0 {
                grant(&toggled, Some(&format!("00000000-0000-4000-8000-{n:012}")))
            } else {
                revoke(&toggled)
            }
        })
        .collect();

    let buyer_token = customer_token_for(&buyer);
    let purchases: Vec<Round> = (0..PURCHASES)
        .map(|n| {
            let id = ReservationOrderId::from_uuid(uuid::Uuid::from_u128(0x5eed_0000_0000_4000_8000_0000_0000_0000 | n as u128));
            let body = NewReservationOrder::from_domain(&ReservationRequest {
                id,
                size: VmSize::StandardD2sV5,
                region: Region::WestEurope,
                term: Term::OneYear,
                billing_plan: BillingPlan::Monthly,
                quantity: 1,
                billing_subscription: buyer_azure,
                scope: AppliedScope::Single(buyer_azure),
                renew: false,
                display_name: format!("Load {n}"),
            });
            let body = serde_json::to_string(&body).unwrap_or_default();
            vec![request("PUT", &reservation_order_path(&id), &buyer_token, port, Some(&body))]
        })
        .collect();

    let outcome = async {
        bytes_per_toggle(&state, data, toggles, port).await?;
        let held = || {
            state.read().purchased_benefits(&domain::Caller::Customer(buyer.clone()), None).map(|all| all.len())
        };
        let before = held().map_err(|e| format!("the buyer's purchases: {e}"))?;
        let started = Instant::now();
        let mut bought = drive(port, purchases, started + PHASE_LIMIT).await?;
        let elapsed = started.elapsed().as_secs_f64();
        let after = held().map_err(|e| format!("the buyer's purchases: {e}"))?;
        if after != before + bought.len() {
            return Err(format!("{} purchases answered, {} reservations bought", bought.len(), after - before));
        }
        bought.sort();
        println!("\n== Purchase to confirmation over HTTP on loopback ({CUSTOMERS} customers)");
        println!(
            "reservation purchase (PUT reservationOrders, 200) {:>5} on one connection, one after the other: {:>6.0} purchases/s  p50 {:>6.3} ms  p99 {:>6.3} ms",
            bought.len(),
            bought.len() as f64 / elapsed,
            percentile(&bought, 50),
            percentile(&bought, 99),
        );
        let answer = Connection::open(port).await?.fetch(&get(0, port)).await?;
        let gets = gets_with_journal(data, journal::DEFAULT_SIZE, &gets_on).await?;
        gets.print("GET /v1/SelfServePolicy/{id}, journal on", "requests");
        let unjournaled = gets_with_journal(data, 0, &gets_on).await?;
        unjournaled.print("  the same GETs, journal off (size 0)", "requests");
        println!(
            "  with the journal on ({} requests kept), the mock API serves {:.0}% of its requests per second with it off",
            journal::DEFAULT_SIZE,
            100.0 * gets.per_second / unjournaled.per_second
        );
        let bare = bare_handler(answer, gets_on).await?;
        bare.print("  the same GETs, bare axum handler", "requests");
        println!(
            "  the mock API (journal on) serves {:.0}% of the bare handler's requests per second",
            100.0 * gets.per_second / bare.per_second
        );
        measure(grants, port)
            .await?
            .print("grant/revoke round (POST 201 + DELETE 204)", "rounds");
        writes_with_streams(port, writes, stream_request.as_bytes()).await?;
        Ok::<f64, String>(gets.per_second)
    }
    .await;
    server.stop().await;
    let gets_per_second = outcome?;
    let verdict = if gets_per_second >= TARGET_GETS_PER_SECOND {
        "met"
    } else {
        "NOT met"
    };
    println!(
        "target: {TARGET_GETS_PER_SECOND:.0} GET/s on 2 cores: {verdict} ({gets_per_second:.0} GET/s on {cores} cores)"
    );
    Ok(())
}

/// The GETs of `gets_on(port)` (warm-up, measured) against a mock API opened on `data`
/// (as it is now) with a journal of `journal_size` requests, served on this runtime.
async fn gets_with_journal(
    data: &Path,
    journal_size: usize,
    gets_on: impl Fn(u16) -> (Vec<Round>, Vec<Round>),
) -> Result<Figures, String> {
    let config = StandInConfig { journal_size, ..StandInConfig::default() };
    let (state, _) = AppState::open_with(data, CUSTOMERS, config).map_err(|e| format!("data file: {e}"))?;
    measure_served(mock_api::app(state), gets_on).await
}

/// The GETs of `gets_on(port)` (warm-up, measured) against a bare axum handler on this
/// runtime that answers every request with `answer` as JSON: the mock API's reply without
/// the store, the auth, the middleware.
async fn bare_handler(
    answer: Vec<u8>,
    gets_on: impl Fn(u16) -> (Vec<Round>, Vec<Round>),
) -> Result<Figures, String> {
    let answer = axum::body::Bytes::from(answer);
    let handler = move || {
        let answer = answer.clone();
        async move { ([(axum::http::header::CONTENT_TYPE, "application/json")], answer) }
    };
    let router = axum::Router::new().route("/v1/SelfServePolicy/{id}", axum::routing::get(handler));
    measure_served(router, gets_on).await
}

/// Serves `router` on loopback, sends the warm-up GETs of `gets_on(port)` and then measures
/// its other GETs, and stops.
async fn measure_served(router: axum::Router, gets_on: impl Fn(u16) -> (Vec<Round>, Vec<Round>)) -> Result<Figures, String> {
    let server = Served::start(router).await?;
    let (warm_up, gets) = gets_on(server.port);
    let figures = async {
        measure(warm_up, server.port).await?;
        measure(gets, server.port).await
    }
    .await;
    server.stop().await;
    figures
}

/// A router served on loopback (port 0) by this runtime, until stopped.
struct Served {
    port: u16,
    stop: tokio::sync::oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Served {
    async fn start(router: axum::Router) -> Result<Self, String> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("cannot listen on loopback: {e}"))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
        });
        Ok(Self { port, stop, task })
    }

    /// Stops taking connections and waits (a while) for those open to end.
    async fn stop(self) {
        let _ = self.stop.send(());
        let _ = tokio::time::timeout(IO_LIMIT, self.task).await;
    }
}

/// Sends `writes` one after the other on one connection, first with no event stream open,
/// then with [`STREAMS`] streams open (`stream_request`) and read, and prints p50/p99 of
/// each; fails unless every stream received the event of every write.
async fn writes_with_streams(port: u16, writes: Vec<Round>, stream_request: &[u8]) -> Result<(), String> {
    let n = writes.len();
    let mut alone = drive(port, writes.clone(), Instant::now() + PHASE_LIMIT).await?;
    alone.sort();
    let mut streams = Vec::with_capacity(STREAMS);
    for _ in 0..STREAMS {
        streams.push(Connection::open(port).await?.listen(stream_request).await?);
    }
    let mut watched = drive(port, writes, Instant::now() + PHASE_LIMIT).await?;
    watched.sort();
    let answered = Instant::now();
    let least = || streams.iter().map(Listening::received).min().unwrap_or(0);
    while least() < n {
        if answered.elapsed() >= PHASE_LIMIT {
            return Err(format!("a stream received {} of {n} events within {} s", least(), PHASE_LIMIT.as_secs()));
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let delivered = answered.elapsed();
    let most = streams.iter().map(Listening::received).max().unwrap_or(0);
    drop(streams);
    println!("\n== Writes with {STREAMS} event streams open on loopback (GET /v1/events, each read by a task of its own)");
    let line = |name: &str, latencies: &[Duration]| {
        println!(
            "{name:<52} {n:>4} one after the other on one connection:  p50 {:>6.3} ms  p99 {:>6.3} ms",
            percentile(latencies, 50),
            percentile(latencies, 99),
        );
    };
    line("grant or revoke (POST 201 / DELETE 204), no stream", &alone);
    line(&format!("  the same, {STREAMS} streams open"), &watched);
    println!(
        "  every stream received all {n} events{}; the last {:.1} ms after the last write was answered",
        if most > n { format!(" (one {most})") } else { String::new() },
        delivered.as_secs_f64() * 1000.0
    );
    Ok(())
}

/// The customer whose switch is toggled.
const TOGGLED: &str = "Fabrikam Inc";

/// Sends `toggles` one after the other and prints what each wrote: the bytes of row values
/// the server kept (what grows with the change), and the growth of the data file with its
/// write-ahead log (whole pages, as SQLite writes them).
async fn bytes_per_toggle(
    state: &AppState,
    data: &Path,
    toggles: Vec<Vec<u8>>,
    port: u16,
) -> Result<(), String> {
    // An empty write-ahead log first, so its growth is what the toggles wrote.
    let (page_size, wal) = {
        let conn = rusqlite::Connection::open(data).map_err(|e| format!("data file: {e}"))?;
        let sql = |e: rusqlite::Error| format!("data file: {e}");
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(sql)?;
        let page_size: u64 = conn
            .query_row("PRAGMA page_size", [], |row| row.get(0))
            .map_err(sql)?;
        (page_size, data.with_extension("sqlite3-wal"))
    };
    let size = || {
        [data, wal.as_path()]
            .iter()
            .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
            .sum::<u64>()
    };
    let (bytes_before, size_before) = (state.bytes_written(), size());
    let n = toggles.len();
    // One after the other, on one connection: each toggle undoes the one before.
    drive(port, vec![toggles], Instant::now() + PHASE_LIMIT).await?;
    let logical = (state.bytes_written() - bytes_before) as f64 / n as f64;
    let physical = size().saturating_sub(size_before) as f64 / n as f64;
    let verdict = |bytes: f64| {
        if bytes <= TARGET_BYTES_PER_TOGGLE {
            "within"
        } else {
            "OVER"
        }
    };
    println!("\n== Bytes written per toggle with {CUSTOMERS} customers ({n} toggles of {TOGGLED}: POST with MS-RequestId / DELETE)");
    println!(
        "row values kept per toggle:          {logical:>8.0} bytes  (target {TARGET_BYTES_PER_TOGGLE:.0}: {})",
        verdict(logical)
    );
    println!(
        "data file + WAL growth per toggle:   {physical:>8.0} bytes  ({:.1} pages of {page_size} bytes: {})",
        physical / (page_size + 24) as f64,
        verdict(physical)
    );
    println!(
        "  (SQLite's write-ahead log takes whole pages: each change rewrites the pages it touches \
         (policy row, its index, the Activity record, the counters), {page_size} bytes each plus a 24-byte frame header)"
    );
    Ok(())
}

/// What a phase measured.
struct Figures {
    rounds: usize,
    per_second: f64,
    /// Sorted.
    latencies: Vec<Duration>,
}

impl Figures {
    fn print(&self, name: &str, unit: &str) {
        println!(
            "{name:<44} {:>6} {unit} over {CONNECTIONS} connections: {:>8.0} {unit}/s  p50 {:>6.3} ms  p99 {:>6.3} ms",
            self.rounds,
            self.per_second,
            percentile(&self.latencies, 50),
            percentile(&self.latencies, 99),
        );
    }
}

/// Runs `rounds` over [`CONNECTIONS`] keep-alive connections at once (dealt out in turn).
async fn measure(rounds: Vec<Round>, port: u16) -> Result<Figures, String> {
    let mut per_connection = vec![Vec::new(); CONNECTIONS];
    for (n, round) in rounds.into_iter().enumerate() {
        per_connection[n % CONNECTIONS].push(round);
    }
    let started = Instant::now();
    let deadline = started + PHASE_LIMIT;
    let workers: Vec<_> = per_connection
        .into_iter()
        .map(|rounds| tokio::spawn(drive(port, rounds, deadline)))
        .collect();
    let mut latencies = Vec::new();
    for worker in workers {
        match worker.await {
            Ok(Ok(mut done)) => latencies.append(&mut done),
            Ok(Err(error)) => return Err(error),
            Err(error) => return Err(format!("a connection's task failed: {error}")),
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    Ok(Figures {
        rounds: latencies.len(),
        per_second: latencies.len() as f64 / elapsed,
        latencies,
    })
}

/// The latency at `p` percent, in milliseconds, of sorted `latencies`.
fn percentile(latencies: &[Duration], p: usize) -> f64 {
    if latencies.is_empty() {
        return 0.0;
    }
    let index = (latencies.len() * p)
        .div_ceil(100)
        .clamp(1, latencies.len())
        - 1;
    latencies[index].as_secs_f64() * 1000.0
}

/// One keep-alive connection doing its rounds one after the other, until done or the
/// deadline; the latency of each round.
async fn drive(port: u16, rounds: Vec<Round>, deadline: Instant) -> Result<Vec<Duration>, String> {
    let mut connection = Connection::open(port).await?;
    let mut latencies = Vec::with_capacity(rounds.len());
    for round in rounds {
        if Instant::now() >= deadline {
            return Err(format!("not done within {} s", PHASE_LIMIT.as_secs()));
        }
        let started = Instant::now();
        for request in &round {
            let status = connection.send(request).await?;
            if !(200..300).contains(&status) {
                let line = String::from_utf8_lossy(request);
                let line = line.lines().next().unwrap_or_default();
                return Err(format!("{line} answered {status}"));
            }
        }
        latencies.push(started.elapsed());
    }
    Ok(latencies)
}

/// `request` with one more header line.
fn with_header(request: Vec<u8>, name: &str, value: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(&request);
    match text.split_once("\r\n") {
        Some((first, rest)) => format!("{first}\r\n{name}: {value}\r\n{rest}").into_bytes(),
        None => request,
    }
}

/// A request's bytes, ready to send again and again.
fn request(method: &str, path: &str, token: &str, port: u16, body: Option<&str>) -> Vec<u8> {
    let mut text = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\nAccept: application/json\r\n"
    );
    if let Some(body) = body {
        text.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ));
    } else {
        text.push_str("\r\n");
    }
    text.into_bytes()
}

/// A minimal keep-alive HTTP/1.1 client: one request at a time, replies framed by
/// `Content-Length` (which is how this server frames every reply).
struct Connection {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl Connection {
    async fn open(port: u16) -> Result<Self, String> {
        let stream = tokio::time::timeout(IO_LIMIT, TcpStream::connect(("127.0.0.1", port)))
            .await
            .map_err(|_| "connecting timed out".to_string())?
            .map_err(|e| format!("cannot connect: {e}"))?;
        stream.set_nodelay(true).map_err(|e| e.to_string())?;
        Ok(Self {
            stream,
            buffer: Vec::with_capacity(16 * 1024),
        })
    }

    /// Sends one request and reads its whole reply; the reply's status.
    async fn send(&mut self, request: &[u8]) -> Result<u16, String> {
        let (status, body) = self.reply_to(request).await?;
        self.buffer.drain(..body.end);
        Ok(status)
    }

    /// Sends one request that must succeed; its reply's body.
    async fn fetch(&mut self, request: &[u8]) -> Result<Vec<u8>, String> {
        let (status, body) = self.reply_to(request).await?;
        let bytes = self.buffer[body.clone()].to_vec();
        self.buffer.drain(..body.end);
        if !(200..300).contains(&status) {
            return Err(format!("answered {status}: {}", String::from_utf8_lossy(&bytes)));
        }
        Ok(bytes)
    }

    /// Sends one request and waits until its whole reply is in the buffer: the status and
    /// where the body is in the buffer (the reply ends where it ends).
    async fn reply_to(&mut self, request: &[u8]) -> Result<(u16, std::ops::Range<usize>), String> {
        let (head, head_end, status) = self.head_of_reply_to(request).await?;
        let length = content_length(&head, status)?;
        while self.buffer.len() < head_end + length {
            self.read_more().await?;
        }
        Ok((status, head_end..head_end + length))
    }

    /// Sends one request and waits until the head of its reply is in the buffer: the head,
    /// where it ends in the buffer, and the status.
    async fn head_of_reply_to(&mut self, request: &[u8]) -> Result<(String, usize, u16), String> {
        tokio::time::timeout(IO_LIMIT, self.stream.write_all(request))
            .await
            .map_err(|_| "writing timed out".to_string())?
            .map_err(|e| format!("cannot write: {e}"))?;
        let head_end = loop {
            if let Some(at) = self.buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break at + 4;
            }
            self.read_more().await?;
        };
        let head = String::from_utf8_lossy(&self.buffer[..head_end]).to_string();
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse::<u16>().ok())
            .ok_or_else(|| format!("not an HTTP reply: {head:?}"))?;
        Ok((head, head_end, status))
    }

    /// Asks for an event stream and, once it is answered 200, reads it in a task of its own
    /// that counts the events it receives.
    async fn listen(mut self, request: &[u8]) -> Result<Listening, String> {
        let (head, head_end, status) = self.head_of_reply_to(request).await?;
        if status != 200 {
            return Err(format!("an event stream not opened: {head:?}"));
        }
        self.buffer.drain(..head_end);
        let received = Arc::new(AtomicUsize::new(0));
        let counted = received.clone();
        // Every event the server sends here starts so (it names no other kind).
        const EVENT: &[u8] = b"event: change\n";
        let task = tokio::spawn(async move {
            let mut chunk = [0u8; 16 * 1024];
            loop {
                let events = self.buffer.windows(EVENT.len()).filter(|w| *w == EVENT).count();
                counted.fetch_add(events, Ordering::Relaxed);
                // What may be the start of an event cut by the read.
                let keep = self.buffer.len().min(EVENT.len() - 1);
                self.buffer.drain(..self.buffer.len() - keep);
                match self.stream.read(&mut chunk).await {
                    Ok(0) | Err(_) => return,
                    Ok(read) => self.buffer.extend_from_slice(&chunk[..read]),
                }
            }
        });
        Ok(Listening { received, task })
    }

    async fn read_more(&mut self) -> Result<(), String> {
        let mut chunk = [0u8; 16 * 1024];
        let read = tokio::time::timeout(IO_LIMIT, self.stream.read(&mut chunk))
            .await
            .map_err(|_| "reading timed out".to_string())?
            .map_err(|e| format!("cannot read: {e}"))?;
        if read == 0 {
            return Err("the server closed the connection".to_string());
        }
        self.buffer.extend_from_slice(&chunk[..read]);
        Ok(())
    }
}

/// An event stream being read: how many events came; closed when dropped.
struct Listening {
    received: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl Listening {
    fn received(&self) -> usize {
        self.received.load(Ordering::Relaxed)
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The body's length from a reply head: `Content-Length`, or none for 204 and 304.
fn content_length(head: &str, status: u16) -> Result<usize, String> {
    let declared = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse::<usize>().ok())?
    });
    match declared {
        Some(length) => Ok(length),
        None if status == 204 || status == 304 => Ok(0),
        None => Err(format!("a reply without Content-Length: {head:?}")),
    }
}

/// The temporary data file, removed (with its WAL files) at the end.
struct DataFile(PathBuf);

impl DataFile {
    fn remove(&self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

impl Drop for DataFile {
    fn drop(&mut self) {
        self.remove();
    }
}
