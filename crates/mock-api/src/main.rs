//! `mock-api`: serve the mock Partner Center API on 127.0.0.1.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use mock_api::stand_in::StandInConfig;
use mock_api::{AppState, Opened};

const USAGE: &str = "\
mock-api: a local stand-in for Partner Center's customer-permissions REST API (/v1)

USAGE:
    mock-api [--port N] [--data FILE] [--seed-customers N] [--faults FILE] [--journal-size N] [--admin-token T]

OPTIONS:
    --port N             TCP port on 127.0.0.1 to listen on (default 8080; 0 picks a free one)
    --data FILE          SQLite data file (default ./pc-mock.sqlite3). A new or empty file is
                         filled with the demo data; an existing one is used as it is.
    --seed-customers N   generated customers beside the hand-made ones, for a new data
                         file only (default 0)
    --faults FILE        fault rules in force from the start: a JSON array of rules as
                         POST /_mock/faults takes them
    --journal-size N     how many served requests GET /_mock/requests keeps (default 10000;
                         0 keeps none)
    --admin-token T      the token that opens /_mock beside partner Admin agents' (default:
                         a fresh one, printed at start)
    -h, --help           print this help

Demo bearer tokens: GET /v1/demo/users. The API's OpenAPI document: GET /v1/openapi.json.
Fault rules, the request journal, reset and snapshots: /_mock (see the document).
Stop with Ctrl-C (or SIGTERM).
";

#[derive(Debug)]
struct Options {
    port: u16,
    data: PathBuf,
    seed_customers: u32,
    stand_in: StandInConfig,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        port: 8080,
        data: PathBuf::from("pc-mock.sqlite3"),
        seed_customers: 0,
        stand_in: StandInConfig::default(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_string(), Some(value.to_string())),
            None => (arg.clone(), None),
        };
        if flag == "-h" || flag == "--help" {
            return Ok(None);
        }
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or(format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--port" => {
                options.port = value()?
                    .parse()
                    .map_err(|_| "--port must be a number from 0 to 65535")?
            }
            "--data" => options.data = PathBuf::from(value()?),
            "--seed-customers" => {
                options.seed_customers = value()?
                    .parse()
                    .map_err(|_| "--seed-customers must be a number")?
            }
            "--faults" => {
                let file = value()?;
                let text = std::fs::read_to_string(&file).map_err(|e| format!("--faults {file}: {e}"))?;
                options.stand_in.faults = serde_json::from_str(&text).map_err(|e| format!("--faults {file}: not a JSON array of fault rules: {e}"))?;
            }
            "--journal-size" => {
                options.stand_in.journal_size = value()?
                    .parse()
                    .map_err(|_| "--journal-size must be a number")?
            }
            "--admin-token" => {
                options.stand_in.admin_token = value()?;
                if options.stand_in.admin_token.trim().is_empty() {
                    return Err("--admin-token must not be empty".to_string());
                }
            }
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    Ok(Some(options))
}

/// Completes on Ctrl-C or SIGTERM. The handlers are installed at once, before the URL is
/// printed, so a signal sent as soon as the server says it is listening stops it cleanly.
#[cfg(unix)]
fn stop_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {},
            _ = terminate.recv() => {},
        }
    })
}

#[cfg(not(unix))]
fn stop_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    Ok(async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("mock-api: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let admin_token = options.stand_in.admin_token.clone();
    let (state, opened) = match AppState::open_with(&options.data, options.seed_customers, options.stand_in) {
        Ok(opened) => opened,
        Err(error) => {
            eprintln!(
                "mock-api: cannot use the data file {}: {error}",
                options.data.display()
            );
            return ExitCode::FAILURE;
        }
    };
    match opened {
        Opened::Created => println!(
            "mock-api: new data file {} with demo data",
            options.data.display()
        ),
        Opened::Loaded => println!(
            "mock-api: data file {} (--seed-customers does not apply to it)",
            options.data.display()
        ),
    }
    let listener =
        match tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, options.port)))
            .await
        {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("mock-api: cannot listen on port {}: {error}", options.port);
                return ExitCode::FAILURE;
            }
        };
    let stop = match stop_signal() {
        Ok(stop) => stop,
        Err(error) => {
            eprintln!("mock-api: cannot handle Ctrl-C: {error}");
            return ExitCode::FAILURE;
        }
    };
    let port = listener
        .local_addr()
        .map(|a| a.port())
        .unwrap_or(options.port);
    println!("mock-api: the admin token of /_mock is {admin_token}");
    println!("mock-api listening on http://127.0.0.1:{port}");
    if let Err(error) = mock_api::serve(listener, state, stop).await {
        eprintln!("mock-api: {error}");
        return ExitCode::FAILURE;
    }
    println!("mock-api stopped");
    ExitCode::SUCCESS
}
