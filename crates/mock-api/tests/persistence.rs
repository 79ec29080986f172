//! Every acknowledged change survives a restart, a graceful one or a SIGKILL.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Command, Stdio};

use serde_json::json;
use support::*;

/// Policies and the audit log, as a client sees them.
fn everything(server: &Server) -> (serde_json::Value, Vec<serde_json::Value>) {
    let policies = server.get("/v1/SelfServePolicy", Some(ADMIN));
    assert_eq!(policies.status, 200);
    (policies.json(), audit(server))
}

#[test]
fn a_restart_on_the_same_file_keeps_every_acknowledged_change() {
    let data = DataFile::new("restart");
    let server = Server::start_with(&data, 40);
    let customers_before =
        server.get("/v1/customers?size=1", Some(ADMIN)).json()["totalMatches"].clone();
    assert_eq!(customers_before, 65, "25 hand-made + 40 generated");
    let fabrikam = customer_id(&server, FABRIKAM);
    let contoso = customer_id(&server, CONTOSO);
    assert_eq!(
        post_policy(&server, ADMIN, &fabrikam, &["AzureSavingsPlan"]).status,
        201
    );
    let contoso_path = format!("/v1/SelfServePolicy/{}", policy_id(&server, &contoso));
    assert_eq!(
        server
            .send(Request::new("DELETE", &contoso_path).token(Some(ADMIN)))
            .status,
        204
    );
    let before = everything(&server);
    drop(server);

    // --seed-customers does not apply to a file that has data.
    let server = Server::start_with(&data, 0);
    assert_eq!(everything(&server), before);
    assert_eq!(
        server.get("/v1/customers?size=1", Some(ADMIN)).json()["totalMatches"],
        customers_before
    );

    // Etags keep counting: a change after the restart gets an etag never seen before.
    let fabrikam_path = format!("/v1/SelfServePolicy/{}", policy_id(&server, &fabrikam));
    let mut policy = server.get(&fabrikam_path, Some(ADMIN)).json();
    let old_etag = policy["attributes"]["etag"].clone();
    policy["permissions"] = json!([{ "resource": "AzureReservedInstances", "action": "Purchase" }]);
    let updated = server.send(
        Request::new("PUT", &fabrikam_path)
            .token(Some(ADMIN))
            .json(&policy),
    );
    assert_eq!(updated.status, 200, "{}", updated.text);
    let all_etags: Vec<_> = before.0["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| p["attributes"]["etag"].clone())
        .collect();
    let new_etag = updated.json()["attributes"]["etag"].clone();
    assert_ne!(new_etag, old_etag);
    assert!(!all_etags.contains(&new_etag));
    let ids: Vec<_> = audit(&server).iter().map(|r| r["id"].clone()).collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "record ids stay unique");
}

/// What the server prints, line by line.
type Output = std::io::Lines<BufReader<ChildStdout>>;

/// The built binary on port 0; returns the child, its port and the rest of what it prints.
fn spawn_binary(data: &DataFile) -> (Child, u16, Output) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mock-api"))
        .args(["--port", "0", "--data"])
        .arg(&data.0)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("mock-api starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let port = loop {
        let line = lines
            .next()
            .expect("the server prints its URL")
            .expect("a line");
        if let Some(url) = line.strip_prefix("mock-api listening on http://127.0.0.1:") {
            break url.trim().parse::<u16>().expect("a port");
        }
    };
    (child, port, lines)
}

/// A client for a server this test did not start in-process.
struct Remote(u16);

impl Remote {
    fn send(&self, request: Request) -> Reply {
        send(self.0, &request)
    }
}

#[test]
fn a_killed_server_restarted_on_the_same_file_has_every_acknowledged_change() {
    let data = DataFile::new("sigkill");
    let (mut child, port, _output) = spawn_binary(&data);
    let remote = Remote(port);
    let page = remote
        .send(Request::new("GET", "/v1/customers?size=25").token(Some(ADMIN)))
        .json();
    let customers: Vec<String> = page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["id"].as_str().map(str::to_string))
        .collect();
    assert_eq!(customers.len(), 25);
    let partner = remote
        .send(Request::new("GET", "/v1/partner").token(Some(ADMIN)))
        .json()["tenantId"]
        .clone();
    let partner = partner.as_str().unwrap_or_default().to_string();

    // A client toggles every customer's permissions while the server is killed under it.
    // It remembers the last state acknowledged for each customer (None: no policy).
    let client = std::thread::spawn(move || {
        let mut acknowledged: Vec<Option<Option<serde_json::Value>>> = vec![None; customers.len()];
        let mut in_flight = None;
        'run: for _round in 0..1000 {
            for (i, customer) in customers.iter().enumerate() {
                let listed =
                    Request::new("GET", &format!("/v1/SelfServePolicy?entity_id={customer}"))
                        .token(Some(ADMIN));
                let Some(listed) = try_send(port, &listed) else {
                    break 'run;
                };
                let request = match listed.json()["items"].get(0) {
                    Some(_) => Request::new(
                        "DELETE",
                        &format!("/v1/SelfServePolicy/{partner}_{customer}"),
                    )
                    .token(Some(ADMIN)),
                    None => Request::new("POST", "/v1/SelfServePolicy")
                        .token(Some(ADMIN))
                        .json(&new_policy(customer, &["AzureSavingsPlan"])),
                };
                in_flight = Some(i);
                let Some(reply) = try_send(port, &request) else {
                    break 'run;
                };
                match reply.status {
                    201 => acknowledged[i] = Some(Some(reply.json())),
                    204 => acknowledged[i] = Some(None),
                    other => panic!("unexpected {other}: {}", reply.text),
                }
                in_flight = None;
            }
        }
        (customers, acknowledged, in_flight)
    });
    std::thread::sleep(std::time::Duration::from_millis(400));
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    let (customers, acknowledged, in_flight) = client.join().expect("client");
    let changes = acknowledged.iter().filter(|a| a.is_some()).count();
    assert!(changes > 0, "the client made changes before the kill");

    let (mut child, port, _output) = spawn_binary(&data);
    let remote = Remote(port);
    for (i, (customer, expected)) in customers.iter().zip(&acknowledged).enumerate() {
        let Some(expected) = expected else { continue };
        if in_flight == Some(i) {
            continue; // sent but not acknowledged: either outcome is right
        }
        let reply = remote.send(
            Request::new("GET", &format!("/v1/SelfServePolicy?entity_id={customer}"))
                .token(Some(ADMIN)),
        );
        assert_eq!(
            reply.json()["items"].get(0),
            expected.as_ref(),
            "{customer}"
        );
    }
    // The server still works on that file.
    let customer = &customers[0];
    let listed = remote.send(
        Request::new("GET", &format!("/v1/SelfServePolicy?entity_id={customer}"))
            .token(Some(ADMIN)),
    );
    assert_eq!(listed.status, 200);
    child.kill().expect("SIGKILL");
    let _ = child.wait();
}

#[test]
fn help_explains_every_flag() {
    let output = Command::new(env!("CARGO_BIN_EXE_mock-api"))
        .arg("--help")
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    for flag in ["--port", "--data", "--seed-customers", "--help"] {
        assert!(text.contains(flag), "{flag} in {text}");
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_mock-api"))
        .arg("--bogus")
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_cleanly() {
    let data = DataFile::new("sigterm");
    let (mut child, _port, lines) = spawn_binary(&data);
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = child.wait().expect("exits");
    assert!(status.success(), "{status:?}");
    assert!(lines.map_while(Result::ok).any(|l| l == "mock-api stopped"));
}
