//! SelfServePolicy as an API client meets it: grant, change, revoke, and every refusal.

mod support;

use serde_json::json;
use support::*;

#[test]
fn grant_update_revoke_and_regrant_are_logged_as_create_update_delete_create() {
    let data = DataFile::new("lifecycle");
    let server = Server::start(&data);
    let fabrikam = customer_id(&server, FABRIKAM);
    let id = policy_id(&server, &fabrikam);
    let before = audit(&server).len();

    // Off by default: no policy.
    server
        .get(&format!("/v1/SelfServePolicy/{id}"), Some(ADMIN))
        .assert_error(404, 600039);
    let listed = server
        .get(
            &format!("/v1/SelfServePolicy?entity_id={fabrikam}"),
            Some(ADMIN),
        )
        .json();
    assert_eq!(listed["totalCount"], 0);
    assert_eq!(listed["attributes"]["objectType"], "Collection");

    // Grant reservations.
    let created = post_policy(&server, ADMIN, &fabrikam, &["AzureReservedInstances"]);
    assert_eq!(created.status, 201, "{}", created.text);
    let created = created.json();
    assert_eq!(created["id"], id);
    assert_eq!(created["selfServeEntity"]["tenantID"], fabrikam);
    assert_eq!(resources(&created), ["AzureReservedInstances"]);
    let etag = created["attributes"]["etag"]
        .as_str()
        .expect("etag")
        .to_string();
    assert!(etag.starts_with('"') && etag.ends_with('"'));

    let read = server.get(&format!("/v1/SelfServePolicy/{id}"), Some(ADMIN));
    assert_eq!(read.status, 200);
    assert_eq!(read.header("etag"), Some(etag.as_str()));
    assert_eq!(read.json(), created);
    let listed = server
        .get(
            &format!("/v1/SelfServePolicy?entity_id={fabrikam}"),
            Some(ADMIN),
        )
        .json();
    assert_eq!(listed["totalCount"], 1);
    assert_eq!(listed["items"][0], created);

    // Add savings plan with the etag just read: an update, with a new etag.
    let mut full = created.clone();
    full["permissions"] = json!([
        { "resource": "AzureReservedInstances", "action": "Purchase" },
        { "resource": "AzureSavingsPlan", "action": "Purchase" },
    ]);
    let updated = server.send(
        Request::new("PUT", &format!("/v1/SelfServePolicy/{id}"))
            .token(Some(ADMIN))
            .json(&full),
    );
    assert_eq!(updated.status, 200, "{}", updated.text);
    let updated = updated.json();
    assert_eq!(
        resources(&updated),
        ["AzureReservedInstances", "AzureSavingsPlan"]
    );
    assert_ne!(updated["attributes"]["etag"], etag);

    // Revoke: the policy is gone.
    let deleted = server
        .send(Request::new("DELETE", &format!("/v1/SelfServePolicy/{id}")).token(Some(ADMIN_2)));
    assert_eq!(deleted.status, 204, "{}", deleted.text);
    server
        .get(&format!("/v1/SelfServePolicy/{id}"), Some(ADMIN))
        .assert_error(404, 600039);
    server
        .send(Request::new("DELETE", &format!("/v1/SelfServePolicy/{id}")).token(Some(ADMIN)))
        .assert_error(404, 600039);

    // Re-grant: a create again.
    assert_eq!(
        post_policy(&server, ADMIN, &fabrikam, &["AzureSavingsPlan"]).status,
        201
    );

    let records = audit(&server);
    assert_eq!(records.len(), before + 4, "one record per real change");
    let ours: Vec<_> = records.iter().take(4).rev().collect();
    let kinds: Vec<_> = ours
        .iter()
        .map(|r| r["operationType"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        kinds,
        [
            "create_self_serve_policy",
            "update_self_serve_policy",
            "delete_self_serve_policy",
            "create_self_serve_policy"
        ]
    );
    for record in &ours {
        assert_eq!(record["customerId"], fabrikam);
        assert_eq!(record["customerName"], FABRIKAM);
        assert_eq!(record["operationStatus"], "succeeded");
        assert_eq!(record["resourceType"], "self_serve_policy");
        let date = record["operationDate"].as_str().unwrap_or_default();
        assert!(
            time::OffsetDateTime::parse(date, &time::format_description::well_known::Rfc3339)
                .is_ok(),
            "{date}"
        );
    }
    assert_eq!(
        ours[0]["userPrincipalName"],
        "alex.wilber@adatumcloud.onmicrosoft.com"
    );
    assert_eq!(
        ours[2]["userPrincipalName"],
        "diego.siciliani@adatumcloud.onmicrosoft.com"
    );
    let old: serde_json::Value =
        serde_json::from_str(ours[2]["resourceOldValue"].as_str().unwrap_or("null"))
            .unwrap_or_default();
    let new: serde_json::Value =
        serde_json::from_str(ours[2]["resourceNewValue"].as_str().unwrap_or("null"))
            .unwrap_or_default();
    assert_eq!(old["permissions"].as_array().map(Vec::len), Some(2));
    assert_eq!(new["permissions"], json!([]));
}

#[test]
fn sales_and_helpdesk_agents_are_refused_with_403_and_nothing_changes_or_is_logged() {
    let data = DataFile::new("forbidden");
    let server = Server::start(&data);
    let fabrikam = customer_id(&server, FABRIKAM);
    let contoso = customer_id(&server, CONTOSO);
    let contoso_policy = policy_id(&server, &contoso);
    let contoso_before = server
        .get(
            &format!("/v1/SelfServePolicy/{contoso_policy}"),
            Some(ADMIN),
        )
        .json();
    let log_before = audit(&server);

    for token in [SALES, HELPDESK] {
        post_policy(&server, token, &fabrikam, &["AzureReservedInstances"]).assert_error(403, 403);
        let mut changed = contoso_before.clone();
        changed["permissions"] = json!([{ "resource": "AzureSavingsPlan", "action": "Purchase" }]);
        server
            .send(
                Request::new("PUT", &format!("/v1/SelfServePolicy/{contoso_policy}"))
                    .token(Some(token))
                    .json(&changed),
            )
            .assert_error(403, 403);
        server
            .send(
                Request::new("DELETE", &format!("/v1/SelfServePolicy/{contoso_policy}"))
                    .token(Some(token)),
            )
            .assert_error(403, 403);
        // They may read.
        assert_eq!(
            server
                .get(
                    &format!("/v1/SelfServePolicy/{contoso_policy}"),
                    Some(token)
                )
                .status,
            200
        );
    }

    assert_eq!(
        server
            .get(
                &format!("/v1/SelfServePolicy?entity_id={fabrikam}"),
                Some(ADMIN)
            )
            .json()["totalCount"],
        0
    );
    assert_eq!(
        server
            .get(
                &format!("/v1/SelfServePolicy/{contoso_policy}"),
                Some(ADMIN)
            )
            .json(),
        contoso_before
    );
    assert_eq!(audit(&server), log_before);
}

#[test]
fn without_a_known_token_every_route_but_the_demo_users_answers_401() {
    let data = DataFile::new("unauthorized");
    let server = Server::start(&data);
    let fabrikam = customer_id(&server, FABRIKAM);
    let log_before = audit(&server);
    for token in [None, Some("not-a-demo-token")] {
        for path in [
            "/v1/customers",
            "/v1/SelfServePolicy",
            "/v1/auditrecords",
            "/v1/partner",
            "/v1/me",
        ] {
            server.get(path, token).assert_error(401, 401);
        }
        let post = Request::new("POST", "/v1/SelfServePolicy")
            .token(token)
            .json(&new_policy(&fabrikam, &["AzureSavingsPlan"]));
        server.send(post).assert_error(401, 401);
    }
    let basic =
        Request::new("GET", "/v1/customers").header("Authorization", "Basic demo-alex.wilber");
    server.send(basic).assert_error(401, 401);
    assert_eq!(audit(&server), log_before);

    let users = server.get("/v1/demo/users", None);
    assert_eq!(users.status, 200);
    let users = users.json();
    assert_eq!(users["totalCount"], 4);
    let tokens: Vec<_> = users["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|u| u["token"].as_str())
        .collect();
    assert_eq!(tokens, [ADMIN, ADMIN_2, SALES, HELPDESK]);
    let me = server.get("/v1/me", Some(SALES)).json();
    assert_eq!(me["role"], "SalesAgent");
    assert_eq!(me["mayChangeCustomerPermissions"], false);
}

#[test]
fn a_stale_etag_is_refused_with_412_and_the_newer_change_stays() {
    let data = DataFile::new("stale");
    let server = Server::start(&data);
    let contoso = customer_id(&server, CONTOSO);
    let id = policy_id(&server, &contoso);
    let path = format!("/v1/SelfServePolicy/{id}");
    let first_read = server.get(&path, Some(ADMIN)).json();

    // Diego changes it first.
    let mut diego = first_read.clone();
    diego["permissions"] = json!([
        { "resource": "AzureReservedInstances", "action": "Purchase" },
        { "resource": "AzureSavingsPlan", "action": "Purchase" },
    ]);
    assert_eq!(
        server
            .send(Request::new("PUT", &path).token(Some(ADMIN_2)).json(&diego))
            .status,
        200
    );
    let log_before = audit(&server);

    // Alex sends his change on the copy he read before: refused, in the body or If-Match.
    let mut alex = first_read.clone();
    alex["permissions"] = json!([{ "resource": "AzureSavingsPlan", "action": "Purchase" }]);
    server
        .send(Request::new("PUT", &path).token(Some(ADMIN)).json(&alex))
        .assert_error(412, 2055);
    let stale = first_read["attributes"]["etag"]
        .as_str()
        .unwrap_or_default();
    let mut no_body_etag = alex.clone();
    no_body_etag["attributes"] = json!({});
    server
        .send(
            Request::new("PUT", &path)
                .token(Some(ADMIN))
                .header("If-Match", stale)
                .json(&no_body_etag),
        )
        .assert_error(412, 2055);
    server
        .send(
            Request::new("DELETE", &path)
                .token(Some(ADMIN))
                .header("If-Match", stale),
        )
        .assert_error(412, 2055);
    // Without any etag a PUT is refused too: it could overwrite unseen.
    server
        .send(
            Request::new("PUT", &path)
                .token(Some(ADMIN))
                .json(&no_body_etag),
        )
        .assert_error(400, 400);

    let now = server.get(&path, Some(ADMIN)).json();
    assert_eq!(
        resources(&now),
        ["AzureReservedInstances", "AzureSavingsPlan"]
    );
    assert_eq!(audit(&server), log_before);
}

#[test]
fn unknown_customers_and_policies_get_partner_center_404_codes() {
    let data = DataFile::new("notfound");
    let server = Server::start(&data);
    let partner = partner_id(&server);
    let stranger = "00000000-0000-4000-8000-000000000001";
    let fabrikam = customer_id(&server, FABRIKAM);

    server
        .get(&format!("/v1/customers/{stranger}"), Some(ADMIN))
        .assert_error(404, 404);
    server
        .get(
            &format!("/v1/customers/{stranger}/subscriptions"),
            Some(ADMIN),
        )
        .assert_error(404, 404);
    server
        .get(&format!("/v1/customers/{stranger}/readiness"), Some(ADMIN))
        .assert_error(404, 404);
    server
        .get("/v1/customers/not-a-guid", Some(ADMIN))
        .assert_error(400, 400);
    post_policy(&server, ADMIN, stranger, &["AzureSavingsPlan"]).assert_error(404, 404);
    post_policy(&server, ADMIN, "not-a-guid", &["AzureSavingsPlan"]).assert_error(400, 400);
    server
        .get(
            &format!("/v1/SelfServePolicy?entity_id={stranger}"),
            Some(ADMIN),
        )
        .assert_error(404, 404);

    for id in [
        format!("{partner}_{stranger}"),
        format!("{partner}_{fabrikam}"),
        format!("{stranger}_{fabrikam}"),
        "garbage".to_string(),
    ] {
        let path = format!("/v1/SelfServePolicy/{id}");
        server.get(&path, Some(ADMIN)).assert_error(404, 600039);
        server
            .send(Request::new("DELETE", &path).token(Some(ADMIN)))
            .assert_error(404, 600039);
        let body = json!({
            "permissions": [{ "resource": "AzureSavingsPlan", "action": "Purchase" }],
            "attributes": { "etag": "\"1\"" },
        });
        server
            .send(Request::new("PUT", &path).token(Some(ADMIN)).json(&body))
            .assert_error(404, 600040);
    }
}

#[test]
fn a_second_post_for_the_same_customer_is_a_409_conflict() {
    let data = DataFile::new("conflict");
    let server = Server::start(&data);
    let fabrikam = customer_id(&server, FABRIKAM);
    assert_eq!(
        post_policy(&server, ADMIN, &fabrikam, &["AzureReservedInstances"]).status,
        201
    );
    let log_before = audit(&server);
    post_policy(&server, ADMIN, &fabrikam, &["AzureSavingsPlan"]).assert_error(409, 600041);
    let listed = server
        .get(
            &format!("/v1/SelfServePolicy?entity_id={fabrikam}"),
            Some(ADMIN),
        )
        .json();
    assert_eq!(resources(&listed["items"][0]), ["AzureReservedInstances"]);
    assert_eq!(audit(&server), log_before);
}

#[test]
fn a_post_retried_with_the_same_request_id_answers_the_same_and_creates_nothing_new() {
    let data = DataFile::new("idempotent");
    let server = Server::start(&data);
    let fabrikam = customer_id(&server, FABRIKAM);
    let request_id = "5a1b2c3d-0000-4000-8000-00000000abcd";
    let post = || {
        Request::new("POST", "/v1/SelfServePolicy")
            .token(Some(ADMIN))
            .header("MS-RequestId", request_id)
            .header("MS-CorrelationId", "corr-42")
            .json(&new_policy(&fabrikam, &["AzureReservedInstances"]))
    };
    let first = server.send(post());
    assert_eq!(first.status, 201, "{}", first.text);
    assert_eq!(first.header("ms-requestid"), Some(request_id));
    assert_eq!(first.header("ms-correlationid"), Some("corr-42"));
    let log_after_first = audit(&server);

    let retry = server.send(post());
    assert_eq!(retry.status, 201, "{}", retry.text);
    assert_eq!(retry.json(), first.json());
    assert_eq!(retry.header("ms-requestid"), Some(request_id));
    assert_eq!(audit(&server), log_after_first);

    // The reply is remembered across a restart too.
    drop(server);
    let server = Server::start(&data);
    assert_eq!(server.send(post()).json(), first.json());
    // A new request id is a new request: the policy exists now.
    post_policy(&server, ADMIN, &fabrikam, &["AzureReservedInstances"]).assert_error(409, 600041);
}
