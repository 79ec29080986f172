//! Bad requests of every kind get a Partner Center error body with the right 4xx status;
//! nothing a client sends produces a 5xx.

mod support;

use serde_json::json;
use support::*;

fn post_raw(server: &Server, content_type: &str, body: &[u8]) -> Reply {
    server.send(
        Request::new("POST", "/v1/SelfServePolicy")
            .token(Some(ADMIN))
            .raw_body(content_type, body),
    )
}

#[test]
fn malformed_json_and_wrong_types_are_400() {
    let data = DataFile::new("malformed");
    let server = Server::start(&data);
    let fabrikam = customer_id(&server, FABRIKAM);
    let log_before = audit(&server);
    let bad_bodies = [
        "{".to_string(),
        "not json".to_string(),
        "[]".to_string(),
        "null".to_string(),
        json!({ "selfServeEntity": { "tenantID": fabrikam }, "permissions": "AzureSavingsPlan" }).to_string(),
        json!({ "selfServeEntity": { "tenantID": 42 }, "permissions": [] }).to_string(),
        json!({ "selfServeEntity": { "tenantID": fabrikam } }).to_string(),
        json!({ "permissions": [{ "resource": "AzureSavingsPlan", "action": "Purchase" }] }).to_string(),
        json!({ "selfServeEntity": { "tenantID": fabrikam }, "permissions": [] }).to_string(),
        json!({ "selfServeEntity": { "tenantID": fabrikam }, "permissions": [{ "resource": "AzureVMs", "action": "Purchase" }] }).to_string(),
        json!({ "selfServeEntity": { "tenantID": fabrikam }, "permissions": [{ "resource": "AzureSavingsPlan", "action": "Exchange" }] }).to_string(),
        json!({ "selfServeEntity": { "selfServeEntityType": "partner", "tenantID": fabrikam }, "permissions": [{ "resource": "AzureSavingsPlan", "action": "Purchase" }] }).to_string(),
    ];
    for body in &bad_bodies {
        let reply = post_raw(&server, "application/json", body.as_bytes());
        reply.assert_error(400, 400);
    }
    assert_eq!(audit(&server), log_before);
}

#[test]
fn a_body_that_is_not_declared_json_is_415() {
    let data = DataFile::new("mediatype");
    let server = Server::start(&data);
    let fabrikam = customer_id(&server, FABRIKAM);
    let body = new_policy(&fabrikam, &["AzureSavingsPlan"]).to_string();
    post_raw(&server, "text/plain", body.as_bytes()).assert_error(415, 415);
    post_raw(
        &server,
        "application/x-www-form-urlencoded",
        body.as_bytes(),
    )
    .assert_error(415, 415);
    let no_type = Request::new("POST", "/v1/SelfServePolicy").token(Some(ADMIN));
    server
        .send(Request {
            body: body.into_bytes(),
            ..no_type
        })
        .assert_error(415, 415);
}

#[test]
fn an_oversized_body_is_413() {
    let data = DataFile::new("oversized");
    let server = Server::start(&data);
    let fabrikam = customer_id(&server, FABRIKAM);
    let mut policy = new_policy(&fabrikam, &["AzureSavingsPlan"]);
    policy["padding"] = json!("x".repeat(mock_api::BODY_LIMIT + 1));
    post_raw(&server, "application/json", policy.to_string().as_bytes()).assert_error(413, 413);
    assert_eq!(
        server
            .get(
                &format!("/v1/SelfServePolicy?entity_id={fabrikam}"),
                Some(ADMIN)
            )
            .json()["totalCount"],
        0
    );
}

#[test]
fn unknown_routes_are_404_and_wrong_methods_405_with_partner_center_bodies() {
    let data = DataFile::new("routes");
    let server = Server::start(&data);
    for path in [
        "/",
        "/v1",
        "/v1/nothing",
        "/v2/SelfServePolicy",
        "/v1/customers/x/y/z",
    ] {
        server.get(path, Some(ADMIN)).assert_error(404, 404);
    }
    server
        .send(Request::new("PATCH", "/v1/SelfServePolicy").token(Some(ADMIN)))
        .assert_error(405, 405);
    server
        .send(Request::new("DELETE", "/v1/customers").token(Some(ADMIN)))
        .assert_error(405, 405);
    server
        .send(
            Request::new("POST", "/v1/auditrecords")
                .token(Some(ADMIN))
                .json(&json!({})),
        )
        .assert_error(405, 405);
}

#[test]
fn bad_query_parameters_are_400() {
    let data = DataFile::new("queries");
    let server = Server::start(&data);
    for path in [
        "/v1/customers?size=0",
        "/v1/customers?size=-3",
        "/v1/customers?size=abc",
        "/v1/customers?size=100000",
        "/v1/customers?continuationToken=zzz",
        "/v1/auditrecords?startDate=yesterday",
        "/v1/auditrecords?startDate=2026-02-30",
        "/v1/auditrecords?startDate=2026-12-01&endDate=2026-11-01",
        "/v1/SelfServePolicy?entity_id=not-a-guid",
    ] {
        server.get(path, Some(ADMIN)).assert_error(400, 400);
    }
}

#[test]
fn strange_input_never_produces_a_server_error() {
    let data = DataFile::new("strange");
    let server = Server::start(&data);
    let paths = [
        "/v1/customers/%FF%FE",
        "/v1/customers/%00",
        "/v1/SelfServePolicy/%E2%82",
        "/v1/SelfServePolicy/_",
        "/v1/SelfServePolicy/__",
        "/v1/customers?search=%F0%9F%98%80%00%27%22%3Cscript%3E",
        "/v1/customers?search=%",
        "/v1/auditrecords?startDate=9999-12-31&endDate=9999-12-31",
        "/v1/auditrecords?startDate=-9999-01-01",
        "/v1/auditrecords?endDate=0000-01-01",
        "/v1/SelfServePolicy?entity_id=",
        "/v1/customers?size=1&continuationToken=18446744073709551615",
        "/v1/customers?size=1&continuationToken=99999999999999999999999",
    ];
    for path in paths {
        for method in ["GET", "POST", "PUT", "DELETE"] {
            let reply = server.send(
                Request::new(method, path)
                    .token(Some(ADMIN))
                    .json(&json!({ "permissions": [] })),
            );
            assert!(
                reply.status < 500,
                "{method} {path}: {} {}",
                reply.status,
                reply.text
            );
            assert!(
                reply.status == 200 || reply.json()["source"] == "PartnerFD",
                "{method} {path}: {}",
                reply.text
            );
        }
    }
    let bodies: [&[u8]; 5] = [
        b"\xff\xfe\x00",
        b"{\"permissions\":[{\"resource\":null}]}",
        b"1e999999",
        &[b'['; 10_000],
        b"{\"selfServeEntity\":{\"tenantID\":\"\"},\"permissions\":[]}",
    ];
    for body in bodies {
        let reply = post_raw(&server, "application/json", body);
        assert!(
            (400..500).contains(&reply.status),
            "{} {}",
            reply.status,
            reply.text
        );
        assert_eq!(reply.json()["source"], "PartnerFD");
    }
    let huge_header = "x".repeat(100_000);
    let reply = server.send(
        Request::new("GET", "/v1/customers")
            .token(Some(ADMIN))
            .header("MS-CorrelationId", &huge_header),
    );
    assert!(reply.status < 500, "{}", reply.status);
    // Still serving.
    assert_eq!(server.get("/v1/demo/users", None).status, 200);
}

#[test]
fn error_replies_echo_the_request_headers_and_browsers_may_call_from_any_origin() {
    let data = DataFile::new("cors");
    let server = Server::start(&data);
    let reply = server.send(
        Request::new("GET", "/v1/customers")
            .header("MS-CorrelationId", "c-1")
            .header("MS-RequestId", "r-1"),
    );
    reply.assert_error(401, 401);
    assert_eq!(reply.header("ms-correlationid"), Some("c-1"));
    assert_eq!(reply.header("ms-requestid"), Some("r-1"));

    let preflight = server.send(
        Request::new("OPTIONS", "/v1/SelfServePolicy")
            .header("Origin", "http://localhost:3000")
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization,content-type,ms-requestid,ms-correlationid",
            ),
    );
    assert_eq!(preflight.status, 200, "{:?}", preflight.headers);
    assert_eq!(preflight.header("access-control-allow-origin"), Some("*"));
    let allowed = preflight
        .header("access-control-allow-headers")
        .unwrap_or_default()
        .to_lowercase();
    for name in [
        "authorization",
        "content-type",
        "ms-requestid",
        "ms-correlationid",
        "if-match",
    ] {
        assert!(allowed.contains(name), "{name} in {allowed}");
    }
    let reply = server
        .send(Request::new("GET", "/v1/demo/users").header("Origin", "http://localhost:3000"));
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
}
