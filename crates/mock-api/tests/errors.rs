//! Bad requests of every kind get a Partner Center error body with the right code and
//! status; each domain error has its own code; nothing a client sends produces a 5xx.

use api_types::{ErrorBody, ErrorCode};
use domain::{CustomerId, DomainError, NewCustomerProblem, PartnerRole, PartnerUserId, Permission, RefusalKind};
use serde_json::json;
use test_support::{
    admin, helpdesk, new_customer, sales, Client, DataFile, Reply, Request, Server,
};

const FABRIKAM: &str = "Fabrikam Inc";

fn post_raw(client: &Client, content_type: &str, body: &[u8]) -> Reply {
    client.send(Request::new("POST", "/v1/SelfServePolicy").raw_body(content_type, body))
}

#[test]
fn malformed_json_and_wrong_types_are_400() {
    let data = DataFile::new("malformed");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let fabrikam = alex.customer_id(FABRIKAM).to_string();
    let log_before = alex.audit();
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
        json!({ "selfServeEntity": { "tenantID": fabrikam }, "grantor": { "grantorType": "billToCustomer" }, "permissions": [{ "resource": "AzureSavingsPlan", "action": "Purchase" }] }).to_string(),
    ];
    for body in &bad_bodies {
        let reply = post_raw(&alex, "application/json", body.as_bytes());
        reply.assert_error(ErrorCode::BadRequest);
    }
    assert_eq!(alex.audit(), log_before);
}

#[test]
fn a_body_that_is_not_declared_json_is_415() {
    let data = DataFile::new("mediatype");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let fabrikam = alex.customer_id(FABRIKAM);
    let body = serde_json::to_vec(&api_types::policy::NewPolicy::new(
        fabrikam,
        &[Permission::AzureSavingsPlan].into(),
    ))
    .expect("JSON");
    post_raw(&alex, "text/plain", &body).assert_error(ErrorCode::UnsupportedMediaType);
    post_raw(&alex, "application/x-www-form-urlencoded", &body)
        .assert_error(ErrorCode::UnsupportedMediaType);
    let no_type = Request {
        body,
        ..Request::new("POST", "/v1/SelfServePolicy")
    };
    alex.send(no_type)
        .assert_error(ErrorCode::UnsupportedMediaType);
    assert_eq!(alex.policy_of(&fabrikam), None);
}

#[test]
fn an_oversized_body_is_413() {
    let data = DataFile::new("oversized");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let fabrikam = alex.customer_id(FABRIKAM);
    let mut policy = serde_json::to_value(api_types::policy::NewPolicy::new(
        fabrikam,
        &[Permission::AzureSavingsPlan].into(),
    ))
    .expect("JSON");
    policy["padding"] = json!("x".repeat(mock_api::BODY_LIMIT + 1));
    post_raw(&alex, "application/json", policy.to_string().as_bytes())
        .assert_error(ErrorCode::PayloadTooLarge);
    assert_eq!(alex.policy_of(&fabrikam), None);
}

#[test]
fn unknown_routes_are_404_and_wrong_methods_405_with_partner_center_bodies() {
    let data = DataFile::new("routes");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    for path in [
        "/",
        "/v1",
        "/v1/nothing",
        "/v2/SelfServePolicy",
        "/v1/customers/x/y/z",
        "/v1/openapi.yaml",
    ] {
        alex.get(path).assert_error(ErrorCode::NotFound);
    }
    alex.send(Request::new("PATCH", "/v1/SelfServePolicy"))
        .assert_error(ErrorCode::MethodNotAllowed);
    alex.send(Request::new("DELETE", "/v1/customers"))
        .assert_error(ErrorCode::MethodNotAllowed);
    alex.post("/v1/auditrecords", &json!({}))
        .assert_error(ErrorCode::MethodNotAllowed);
    alex.post(
        "/v1/customers/00000000-0000-4000-8000-000000000001/users",
        &json!({}),
    )
    .assert_error(ErrorCode::MethodNotAllowed);
}

#[test]
fn query_parameters_the_schema_does_not_allow_are_400() {
    let data = DataFile::new("queries");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    for path in [
        "/v1/customers?size=0",
        "/v1/customers?size=-3",
        "/v1/customers?size=abc",
        "/v1/customers?size=1001",
        "/v1/customers?size=100000",
        "/v1/customers?continuationToken=zzz",
        "/v1/auditrecords?startDate=yesterday",
        "/v1/auditrecords?startDate=2026-02-30",
        "/v1/auditrecords?endDate=2026-13-01",
    ] {
        alex.get(path).assert_error(ErrorCode::BadRequest);
    }
    alex.get("/v1/SelfServePolicy?entity_id=not-a-guid")
        .assert_error(ErrorCode::Refusal(RefusalKind::InvalidCustomerId));
    let header = Request::new("GET", "/v1/customers").header("MS-ContinuationToken", "zzz");
    alex.send(header).assert_error(ErrorCode::BadRequest);
}

/// A parameter the document forbids is refused, not read as if it were absent: an empty
/// value, a token beyond its pattern `^[0-9]{1,9}$` (in the query or the header).
#[test]
fn empty_parameters_and_tokens_beyond_their_pattern_are_400() {
    let data = DataFile::new("queries-empty");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    alex.get("/v1/SelfServePolicy?entity_id=")
        .assert_error(ErrorCode::Refusal(RefusalKind::InvalidCustomerId));
    for path in [
        "/v1/auditrecords?startDate=",
        "/v1/auditrecords?endDate=",
        "/v1/auditrecords?startDate=&endDate=2026-11-01",
        "/v1/customers?continuationToken=",
        "/v1/customers?continuationToken=%2B1",
        "/v1/customers?continuationToken=-1",
        "/v1/customers?continuationToken=%201",
        "/v1/customers?continuationToken=0000000001",
    ] {
        alex.get(path).assert_error(ErrorCode::BadRequest);
    }
    for token in ["", "+1", "0000000001"] {
        // Also beside a query token that is fine.
        for path in ["/v1/customers", "/v1/customers?continuationToken=1"] {
            let request = Request::new("GET", path).header("MS-ContinuationToken", token);
            alex.send(request).assert_error(ErrorCode::BadRequest);
        }
    }
    // What the pattern allows is read.
    let page: api_types::customer::CustomerPage =
        alex.send(Request::new("GET", "/v1/customers?size=1").header("MS-ContinuationToken", "000000001")).expect(200);
    assert_eq!(page.offset, 1);
}

/// `MS-RequestId` is a GUID: any other value (also an empty one) is 400 on every POST that
/// takes it, before anything is created or kept.
#[test]
fn a_request_id_that_is_not_a_guid_is_400_and_creates_nothing() {
    let data = DataFile::new("request-id-not-guid");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let fabrikam = alex.customer_id(FABRIKAM);
    let proseware = alex.customer_id("Proseware, Inc.");
    let customers = |client: &Client| client.read::<api_types::customer::CustomerPage>("/v1/customers?size=1").total_matches;
    let (log_before, customers_before, orders_before) = (alex.audit(), customers(&alex), alex.orders(&proseware));
    let new_policy = api_types::policy::NewPolicy::new(fabrikam, &[Permission::AzureSavingsPlan].into());
    for id in ["", "r-1", "not-a-guid", "5a1b2c3d00004000800000000000abcd", "{5a1b2c3d-0000-4000-8000-00000000abcd}"] {
        let post = |path: &str, body: &serde_json::Value| {
            alex.send(Request::new("POST", path).header("MS-RequestId", id).json(body))
        };
        post("/v1/SelfServePolicy", &json!(new_policy)).assert_error(ErrorCode::BadRequest);
        post("/v1/customers", &json!(new_customer("Request Id Ltd", "requestid"))).assert_error(ErrorCode::BadRequest);
        let carts = format!("/v1/customers/{proseware}/carts");
        post(&carts, &json!(api_types::cart::NewCart::azure_plan())).assert_error(ErrorCode::BadRequest);
    }
    assert_eq!(alex.policy_of(&fabrikam), None);
    assert_eq!((alex.audit(), customers(&alex), alex.orders(&proseware)), (log_before, customers_before, orders_before));
}

/// On the Azure routes the same refusals come in Azure's error body: an empty `customerId`,
/// `$skiptoken` or `approvesRequest`, a `$skiptoken` beyond its pattern, a display name with
/// control characters in a price quote; a PATCH refused changes nothing.
#[test]
fn the_azure_routes_refuse_what_their_document_forbids_in_azure_s_body() {
    use api_types::reservation_lifecycle::reservation_path;
    use api_types::reservation::ReservationOrderResource;
    let data = DataFile::new("azure-forbidden");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let megan = server.client().as_customer("meganb@contoso.onmicrosoft.com");
    let request = test_support::reservation_request(megan.my_azure_subscriptions()[0].subscription_id);
    let bought: ReservationOrderResource = megan.buy_reservation(&request).expect(200);
    let orders = "/providers/Microsoft.Capacity/reservationOrders";
    for client in [&alex, &megan] {
        client.get(&format!("{orders}?customerId=")).assert_arm_error(ErrorCode::Refusal(RefusalKind::InvalidCustomerId));
        for token in ["", "%2B1", "1000000000", "-1"] {
            client.get(&format!("{orders}?$skiptoken={token}")).assert_arm_error(ErrorCode::BadRequest);
        }
    }
    let patch = Request::new("PATCH", &format!("{}?approvesRequest=", reservation_path(&request.id)))
        .json(&json!({ "properties": { "renew": !request.renew, "displayName": "Renamed" } }));
    alex.send(patch).assert_arm_error(ErrorCode::BadRequest);
    let after: ReservationOrderResource = alex.read(&api_types::reservation::reservation_order_path(&request.id));
    assert_eq!(after, bought);

    let mut control = api_types::reservation::NewReservationOrder::from_domain(&request);
    control.properties.display_name = "Web\u{84}front".to_string();
    megan
        .post("/providers/Microsoft.Capacity/calculatePrice", &control)
        .assert_arm_error(ErrorCode::Refusal(RefusalKind::InvalidPurchase));
}

#[test]
fn a_date_range_that_ends_before_it_starts_is_422() {
    let data = DataFile::new("dates-422");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    for path in [
        "/v1/auditrecords?startDate=2026-12-01&endDate=2026-11-01",
        "/v1/auditrecords?startDate=2026-11-02T00:00:00Z&endDate=2026-11-01",
        // Without endDate, the range ends today.
        "/v1/auditrecords?startDate=9999-12-31",
    ] {
        alex.get(path).assert_error(ErrorCode::Unprocessable);
    }
    // A range of one day is a range.
    assert_eq!(
        alex.get("/v1/auditrecords?startDate=2026-11-01&endDate=2026-11-01")
            .status,
        200
    );
}

/// Each domain error has its own code; the codes and statuses are the table's.
#[test]
fn every_domain_error_has_its_own_code() {
    let user = PartnerUserId::new("isaiah.langer@adatumcloud.onmicrosoft.com");
    let customer = CustomerId::parse("00000000-0000-4000-8000-000000000001").expect("a GUID");
    let errors = [
        (
            DomainError::NotAdminAgent {
                user: user.clone(),
                role: PartnerRole::SalesAgent,
            },
            ErrorCode::Refusal(RefusalKind::NotAdminAgent),
            403,
        ),
        (
            DomainError::UnknownPartnerUser(user.clone()),
            ErrorCode::Refusal(RefusalKind::UnknownPartnerUser),
            401,
        ),
        (
            DomainError::UnknownCustomer(customer),
            ErrorCode::Refusal(RefusalKind::UnknownCustomer),
            404,
        ),
        (
            DomainError::InvalidCustomerId("<script>".to_string()),
            ErrorCode::Refusal(RefusalKind::InvalidCustomerId),
            400,
        ),
        (
            DomainError::NotAllowedToCreateCustomers {
                user: user.clone(),
                role: PartnerRole::HelpdeskAgent,
            },
            ErrorCode::Refusal(RefusalKind::NotAllowedToCreateCustomers),
            403,
        ),
        (
            DomainError::InvalidNewCustomer(NewCustomerProblem::InvalidEmail),
            ErrorCode::Refusal(RefusalKind::InvalidNewCustomer),
            400,
        ),
        (
            DomainError::DomainTaken("contoso.onmicrosoft.com".to_string()),
            ErrorCode::Refusal(RefusalKind::DomainTaken),
            409,
        ),
        (DomainError::StaleEtag, ErrorCode::Refusal(RefusalKind::StaleEtag), 412),
    ];
    let mut codes = Vec::new();
    for (error, code, status) in errors {
        let api = mock_api::ApiError::from(error.clone());
        assert_eq!(
            (api.code(), api.status().as_u16(), code.status()),
            (code, status, status),
            "{error:?}"
        );
        let body: ErrorBody = api.body();
        assert_eq!(
            (body.code, body.source.as_str()),
            (code.code(), "PartnerFD")
        );
        assert!(
            !body.description.contains("NotAdminAgent") && !body.description.is_empty(),
            "words, not a dump: {}",
            body.description
        );
        codes.push(code.code());
    }
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 8, "one code per error");
    // Every code of the table is one number with one status.
    let mut all: Vec<u32> = ErrorCode::all().iter().map(|c| c.code()).collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), ErrorCode::all().len());
    assert!(ErrorCode::all()
        .iter()
        .all(|c| ErrorCode::from_code(c.code()) == Some(*c)));
}

/// The domain errors a client can cause, each caused over HTTP.
#[test]
fn each_refusal_reaches_the_client_with_its_code() {
    let data = DataFile::new("codes");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let fabrikam = alex.customer_id(FABRIKAM);
    let contoso = alex.customer_id("Contoso Ltd");
    let path = alex.policy_path(&contoso);

    server
        .as_user(&sales())
        .post_policy(&fabrikam, &[Permission::AzureSavingsPlan])
        .assert_error(ErrorCode::Refusal(RefusalKind::NotAdminAgent));
    alex.get("/v1/customers/00000000-0000-4000-8000-000000000009")
        .assert_error(ErrorCode::Refusal(RefusalKind::UnknownCustomer));
    alex.get("/v1/customers/%3Cscript%3E/users")
        .assert_error(ErrorCode::Refusal(RefusalKind::InvalidCustomerId));
    server
        .as_user(&helpdesk())
        .post("/v1/customers", &new_customer("Nope Ltd", "nope"))
        .assert_error(ErrorCode::Refusal(RefusalKind::NotAllowedToCreateCustomers));
    alex.post("/v1/customers", &new_customer(" ", "blank"))
        .assert_error(ErrorCode::Refusal(RefusalKind::InvalidNewCustomer));
    alex.post("/v1/customers", &new_customer("Contoso Again", "CONTOSO"))
        .assert_error(ErrorCode::Refusal(RefusalKind::DomainTaken));
    let stale = api_types::policy::PolicyUpdate {
        attributes: Some(api_types::policy::EtagAttributes {
            etag: "\"stale\"".to_string(),
        }),
        ..api_types::policy::PolicyUpdate::new(
            &alex.read(&path),
            &[Permission::AzureSavingsPlan].into(),
        )
    };
    alex.put(&path, &stale).assert_error(ErrorCode::Refusal(RefusalKind::StaleEtag));
    alex.get(&format!("{path}x"))
        .assert_error(ErrorCode::PolicyNotFound);
    alex.post_policy(&contoso, &[Permission::AzureSavingsPlan])
        .assert_error(ErrorCode::PolicyExists);
    // The description quotes what was sent, as data.
    let invalid = alex.get("/v1/customers/%3Cscript%3E").error();
    assert!(
        invalid.description.contains("\"<script>\""),
        "{}",
        invalid.description
    );
}

#[test]
fn strange_input_never_produces_a_server_error() {
    let data = DataFile::new("strange");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let paths = [
        "/v1/customers/%FF%FE",
        "/v1/customers/%00",
        "/v1/customers/%FF%FE/users",
        "/v1/SelfServePolicy/%E2%82",
        "/v1/SelfServePolicy/_",
        "/v1/SelfServePolicy/__",
        "/v1/customers?search=%F0%9F%98%80%00%27%22%3Cscript%3E",
        "/v1/customers?search=%",
        "/v1/auditrecords?startDate=9999-12-31&endDate=9999-12-31",
        "/v1/auditrecords?startDate=-9999-01-01",
        "/v1/auditrecords?endDate=0000-01-01",
        "/v1/auditrecords?startDate=0000-01-01&endDate=0000-01-01",
        "/v1/SelfServePolicy?entity_id=",
        "/v1/customers?size=1&continuationToken=18446744073709551615",
        "/v1/customers?size=1&continuationToken=99999999999999999999999",
        "/v1/customers?size=1000&continuationToken=999999999",
    ];
    for path in paths {
        for method in ["GET", "POST", "PUT", "DELETE"] {
            let reply = alex.send(Request::new(method, path).json(&json!({ "permissions": [] })));
            assert!(
                reply.status < 500,
                "{method} {path}: {} {}",
                reply.status,
                reply.text
            );
            if reply.status >= 400 {
                assert_eq!(reply.error().source, "PartnerFD", "{method} {path}");
            }
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
        let reply = post_raw(&alex, "application/json", body);
        assert!(
            (400..500).contains(&reply.status),
            "{} {}",
            reply.status,
            reply.text
        );
        assert_eq!(reply.error().source, "PartnerFD");
    }
    let huge_header = "x".repeat(100_000);
    let reply =
        alex.send(Request::new("GET", "/v1/customers").header("MS-CorrelationId", &huge_header));
    assert!(reply.status < 500, "{}", reply.status);
    // Still serving.
    assert_eq!(server.client().get("/v1/demo/users").status, 200);
}

#[test]
fn error_replies_echo_the_request_headers_and_browsers_may_call_from_any_origin() {
    let data = DataFile::new("cors");
    let server = Server::start(&data);
    let reply = server.client().send(
        Request::new("GET", "/v1/customers")
            .header("MS-CorrelationId", "c-1")
            .header("MS-RequestId", "r-1"),
    );
    reply.assert_error(ErrorCode::Unauthorized);
    assert_eq!(reply.header("ms-correlationid"), Some("c-1"));
    assert_eq!(reply.header("ms-requestid"), Some("r-1"));

    let preflight = server.client().send(
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
    let exposed = server
        .client()
        .send(Request::new("GET", "/v1/demo/users").header("Origin", "http://localhost:3000"));
    assert_eq!(exposed.header("access-control-allow-origin"), Some("*"));
    let exposes = exposed
        .header("access-control-expose-headers")
        .unwrap_or_default()
        .to_lowercase();
    assert!(exposes.contains("etag"), "{exposes}");
}

/// The refusals of orders, Azure roles and purchases: each its own code and status, words
/// for a developer (Azure's own where a customer meets them), and the refusal itself in both
/// bodies, so a client rebuilds the same domain error.
#[test]
fn the_refusals_of_orders_roles_and_purchases_have_their_own_codes() {
    use domain::{AzureSubscriptionId, CartProblem, PurchaseProblem};
    let guid = uuid::Uuid::from_u128(0x42);
    let user = PartnerUserId::new("lidia.holloway@adatumcloud.onmicrosoft.com");
    let errors = [
        (DomainError::UnknownCustomerUser("x@y.z".to_string()), 401),
        (DomainError::NotAllowedToOrder { user: user.clone(), role: PartnerRole::HelpdeskAgent }, 403),
        (DomainError::NotAllowedToManageRoles { user, role: PartnerRole::HelpdeskAgent }, 403),
        (DomainError::InvalidCart(CartProblem::Empty), 422),
        (DomainError::AzurePlanExists(CustomerId::from_uuid(guid)), 409),
        (DomainError::UnknownSubscription(domain::SubscriptionId::from_uuid(guid)), 404),
        (DomainError::UnknownAzureSubscription(AzureSubscriptionId::from_uuid(guid)), 404),
        (DomainError::UnknownOrder(domain::OrderId::from_uuid(guid)), 404),
        (DomainError::UnknownReservation(domain::ReservationOrderId::from_uuid(guid)), 404),
        (DomainError::UnknownSavingsPlan("plan".to_string()), 404),
        (DomainError::UnknownPrincipal(domain::CustomerUserId::from_uuid(guid)), 422),
        (DomainError::RoleAssignmentExists, 409),
        (DomainError::RoleAssignmentUpdateNotPermitted(domain::RoleAssignmentId::from_uuid(guid)), 409),
        (DomainError::PurchaseNotAllowed { permission: Permission::AzureReservations, partner_name: "Adatum".to_string() }, 403),
        (DomainError::NoEligibleSubscriptions, 403),
        (DomainError::NotOwnerOfSubscription(AzureSubscriptionId::from_uuid(guid)), 403),
        (DomainError::InvalidPurchase(PurchaseProblem::Quantity), 400),
        (DomainError::PurchaseIdTaken, 409),
    ];
    let mut codes = std::collections::HashSet::new();
    for (error, status) in errors {
        let api = mock_api::ApiError::from(error.clone());
        assert_eq!(api.status().as_u16(), status, "{error:?}");
        assert!(codes.insert(api.code()), "one code per error: {error:?}");
        let body = api.body();
        assert_eq!(body.domain_error(), Some(error.clone()));
        let arm = api.arm_body();
        assert_eq!((arm.error.code.as_str(), arm.domain_error()), (api.code().arm_code(), Some(error.clone())));
        assert!(!body.description.is_empty() && !body.description.contains(&format!("{error:?}")), "words: {}", body.description);
    }
    assert_eq!(
        mock_api::ApiError::from(DomainError::NoEligibleSubscriptions).description(),
        "You do not have any eligible subscriptions to purchase reservations."
    );
}
