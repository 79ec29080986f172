//! The OpenAPI document: generated from the routes and api-types, served at
//! `/v1/openapi.json`, checked in as `crates/mock-api/openapi.json`, and true to the server:
//! it lists exactly the routes there are, types every response, and a request it allows
//! gets no 400 (here for every example and the schema's boundary values; `cargo xtask test`
//! also runs schemathesis against it).

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::{json, Value};
use test_support::{admin, new_customer, DataFile, Request, Server};

fn checked_in_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json")
}

fn document() -> Value {
    serde_json::from_str(mock_api::openapi::json()).expect("the document is JSON")
}

const METHODS: [&str; 5] = ["get", "post", "put", "delete", "patch"];

/// (path, method, operation) of every documented operation.
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            if let Some(operation) = item.get(method) {
                found.push((path.clone(), method.to_string(), operation.clone()));
            }
        }
    }
    found
}

#[test]
fn the_checked_in_document_is_the_generated_one() {
    let generated = mock_api::openapi::json();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(checked_in_path(), generated).expect("openapi.json is written");
        return;
    }
    let checked_in = std::fs::read_to_string(checked_in_path()).unwrap_or_default();
    if checked_in != generated {
        let line = checked_in
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or(0, |n| n + 1);
        panic!(
            "crates/mock-api/openapi.json is not the document the server generates (first difference near line \
             {line}); regenerate it with\n\n    UPDATE_OPENAPI=1 cargo test -p mock-api --test openapi\n\nand check it in"
        );
    }
}

#[test]
fn the_server_serves_it_without_a_token() {
    let data = DataFile::new("openapi-served");
    let server = Server::start(&data);
    let served = server.client().get("/v1/openapi.json");
    assert_eq!(served.status, 200);
    assert_eq!(served.header("content-type"), Some("application/json"));
    assert_eq!(served.text, mock_api::openapi::json());
    assert_eq!(served.body::<Value>()["openapi"], "3.1.0");
}

/// The routes the source declares: every `#[utoipa::path(method, path = "...")]`; and no
/// route is added around the document (`.route(` in the server's source).
fn routes_in_source() -> BTreeSet<(String, String)> {
    let sources = [
        include_str!("../src/routes/policies.rs"),
        include_str!("../src/routes/customers.rs"),
        include_str!("../src/routes/audit.rs"),
        include_str!("../src/routes/demo.rs"),
        include_str!("../src/routes/azure_entitlements.rs"),
        include_str!("../src/routes/carts.rs"),
        include_str!("../src/routes/orders.rs"),
        include_str!("../src/routes/azure_subscriptions.rs"),
        include_str!("../src/routes/role_assignments.rs"),
        include_str!("../src/routes/reservations.rs"),
        include_str!("../src/routes/savings_plans.rs"),
        include_str!("../src/routes/reservation_lifecycle.rs"),
        include_str!("../src/routes/requests.rs"),
        include_str!("../src/routes/notifications.rs"),
        include_str!("../src/routes/events.rs"),
        include_str!("../src/stand_in/routes.rs"),
        include_str!("../src/lib.rs"),
    ];
    let mut routes = BTreeSet::new();
    for source in sources {
        assert!(
            !source.contains(".route("),
            "a route added outside the OpenApiRouter"
        );
        for attribute in source.split("#[utoipa::path(").skip(1) {
            let mut words = attribute
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|w| !w.is_empty());
            let method = words.next().expect("a method").to_string();
            let path = attribute.split('"').nth(1).expect("a path").to_string();
            routes.insert((path, method));
        }
    }
    routes
}

#[test]
fn the_document_lists_exactly_the_routes_the_server_has() {
    let doc = document();
    let documented: BTreeSet<(String, String)> = operations(&doc)
        .into_iter()
        .map(|(p, m, _)| (p, m))
        .collect();
    assert_eq!(
        routes_in_source(),
        documented,
        "the handlers (src/routes/*.rs) and the document differ"
    );
    assert_eq!(documented.len(), 62, "{documented:?}");

    // The server answers each documented operation, and refuses every other method there.
    let data = DataFile::new("openapi-routes");
    let server = Server::start(&data);
    let sales = server.as_user(&test_support::sales());
    let contoso = sales.customer_id("Contoso Ltd");
    let policy = sales.policy_path(&contoso);
    for path in doc["paths"].as_object().expect("paths").keys() {
        let concrete = match path.as_str() {
            "/v1/SelfServePolicy/{id}" => policy.clone(),
            other => other
                .replace("{id}", &contoso.to_string())
                .replace("{name}", "a-name")
                .split('/')
                .map(|part| if part.starts_with('{') { "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a" } else { part })
                .collect::<Vec<_>>()
                .join("/"),
        };
        for method in METHODS {
            if path == "/v1/events" && method == "get" {
                // A stream that does not end: tests/events.rs opens it.
                continue;
            }
            let reply =
                sales.send(Request::new(&method.to_uppercase(), &concrete).json(&json!({})));
            let unrouted = reply.status == 405
                || (reply.status == 404
                    && reply.body::<api_types::ErrorReply>().error_code() == Some(api_types::ErrorCode::NotFound));
            if documented.contains(&(path.clone(), method.to_string())) {
                assert!(
                    !unrouted,
                    "{method} {path} is documented but not routed: {}",
                    reply.text
                );
            } else {
                assert_eq!(
                    reply.status, 405,
                    "{method} {path} is routed but not documented"
                );
            }
        }
    }
}

/// Follows a `$ref` to its schema.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
    {
        Some(name) => &doc["components"]["schemas"][name],
        None => schema,
    }
}

#[test]
fn every_response_is_typed_and_every_failure_is_an_error_body() {
    let doc = document();
    let open = ["/v1/demo/users", "/v1/openapi.json"];
    for (path, method, operation) in operations(&doc) {
        let responses = operation["responses"].as_object().expect("responses");
        for (status, response) in responses {
            let status: u16 = status.parse().expect("a status");
            let content = &response["content"];
            // The event stream's events are JSON too.
            let schema = if content["text/event-stream"].is_object() { &content["text/event-stream"]["schema"] } else { &content["application/json"]["schema"] };
            if status == 204 {
                assert!(
                    response.get("content").is_none(),
                    "{method} {path}: 204 has no body"
                );
                continue;
            }
            assert!(
                schema.is_object(),
                "{method} {path} {status}: no JSON schema"
            );
            if status >= 400 {
                let body = if path.starts_with("/v1/") || path.starts_with("/_mock/") { "ErrorBody" } else { "ArmErrorBody" };
                assert_eq!(
                    schema["$ref"],
                    format!("#/components/schemas/{body}"),
                    "{method} {path} {status}"
                );
                let code = response["description"].as_str().unwrap_or_default();
                assert!(
                    code.contains("(code "),
                    "{method} {path} {status}: which code? {code}"
                );
            } else {
                let resolved = resolve(&doc, schema);
                let typed = resolved.get("properties").is_some() || resolved.get("allOf").is_some();
                assert!(
                    typed,
                    "{method} {path} {status}: a typed schema, not a generic object: {resolved}"
                );
            }
        }
        assert!(
            responses.keys().any(|s| s.starts_with('2')),
            "{method} {path}: no success"
        );
        let is_open = open.contains(&path.as_str());
        assert_eq!(
            operation["security"] == json!([{}]),
            is_open,
            "{method} {path}: who may call it"
        );
        assert_eq!(
            responses.contains_key("401"),
            !is_open,
            "{method} {path}: 401"
        );
        if operation.get("requestBody").is_some() {
            for status in ["400", "413", "415"] {
                assert!(responses.contains_key(status), "{method} {path}: {status}");
            }
            let body = resolve(
                &doc,
                &operation["requestBody"]["content"]["application/json"]["schema"],
            );
            assert!(
                body.get("example").is_some(),
                "{method} {path}: an example request body"
            );
        }
        if method != "get" {
            assert!(responses.contains_key("503"), "{method} {path}: 503");
        }
    }
    // The error body: every code with its status, in a table, and nothing else.
    let code = &doc["components"]["schemas"]["ErrorBody"]["properties"]["code"];
    let codes: Vec<u64> = code["enum"]
        .as_array()
        .expect("an enum")
        .iter()
        .filter_map(Value::as_u64)
        .collect();
    assert_eq!(
        codes,
        api_types::ErrorCode::all()
            .iter()
            .map(|c| u64::from(c.code()))
            .collect::<Vec<_>>()
    );
    assert!(
        code["description"]
            .as_str()
            .is_some_and(|d| d.contains("| 2055 | `PreconditionFailed` | 412 |")),
        "{code}"
    );
    let scheme = &doc["components"]["securitySchemes"]["bearerAuth"];
    assert_eq!(
        (scheme["type"].as_str(), scheme["scheme"].as_str()),
        (Some("http"), Some("bearer"))
    );
    for user in test_support::users() {
        assert!(
            scheme["description"]
                .as_str()
                .is_some_and(|d| d.contains(&user.token)),
            "{scheme}"
        );
    }
    assert_eq!(doc["security"], json!([{ "bearerAuth": [] }]));
}

#[test]
fn the_document_states_the_constraints_the_server_enforces() {
    let doc = document();
    let schemas = &doc["components"]["schemas"];
    let parameter = |path: &str, method: &str, name: &str| {
        doc["paths"][path][method]["parameters"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["name"] == name))
            .map(|p| p["schema"].clone())
            .unwrap_or_else(|| panic!("{method} {path} has no parameter {name}"))
    };
    let size = parameter("/v1/customers", "get", "size");
    assert_eq!(
        (
            size["type"].as_str(),
            size["minimum"].as_u64(),
            size["maximum"].as_u64()
        ),
        (Some("integer"), Some(1), Some(1000))
    );
    assert_eq!(
        parameter("/v1/customers", "get", "continuationToken")["pattern"],
        "^[0-9]{1,9}$"
    );
    assert_eq!(
        parameter("/v1/customers", "get", "MS-ContinuationToken")["pattern"],
        "^[0-9]{1,9}$"
    );
    for path in [
        "/v1/customers/{id}",
        "/v1/customers/{id}/users",
        "/v1/customers/{id}/readiness",
        "/v1/customers/{id}/subscriptions",
    ] {
        assert_eq!(parameter(path, "get", "id")["format"], "uuid", "{path}");
    }
    assert_eq!(
        parameter("/v1/SelfServePolicy", "get", "entity_id")["format"],
        "uuid"
    );
    for name in ["startDate", "endDate"] {
        assert_eq!(parameter("/v1/auditrecords", "get", name)["format"], "date");
    }
    // Header parameters are absent or strings, never null.
    assert_eq!(
        parameter("/v1/customers", "post", "MS-RequestId")["type"],
        "string"
    );

    for body in ["NewPolicy", "PolicyUpdate"] {
        assert_eq!(
            schemas[body]["properties"]["permissions"]["minItems"], 1,
            "{body}"
        );
    }
    assert_eq!(
        schemas["PolicyUpdate"]["required"],
        json!(["permissions", "attributes"])
    );
    assert_eq!(schemas["EtagAttributes"]["required"], json!(["etag"]));
    assert_eq!(
        schemas["SelfServeEntity"]["properties"]["tenantID"]["format"],
        "uuid"
    );
    assert_eq!(
        schemas["PolicyResource"]["enum"],
        json!(["AzureReservedInstances", "AzureSavingsPlan"])
    );
    assert_eq!(schemas["PolicyAction"]["enum"], json!(["Purchase"]));
    assert_eq!(schemas["SelfServeEntityType"]["enum"], json!(["customer"]));
    assert_eq!(schemas["GrantorType"]["enum"], json!(["billToPartner"]));
    let company = &schemas["NewCompanyProfile"];
    assert_eq!(company["required"], json!(["domain", "companyName"]));
    let name = &company["properties"]["companyName"];
    assert_eq!(
        (name["minLength"].as_u64(), name["maxLength"].as_u64()),
        (Some(1), Some(200))
    );
    assert!(name["pattern"].is_string() && company["properties"]["domain"]["pattern"].is_string());
    assert_eq!(company["properties"]["domain"]["maxLength"], 237);
    let email = &schemas["NewBillingProfile"]["properties"]["email"];
    assert_eq!(
        (email["maxLength"].as_u64(), email["pattern"].is_string()),
        (Some(254), true)
    );
    assert_eq!(schemas["NewBillingProfile"]["required"], json!(["email"]));

    // Purchases and roles: what the domain refuses beyond these gets its own 4xx, never 400.
    let reservation = &schemas["NewReservationOrderProperties"]["properties"];
    assert_eq!((reservation["quantity"]["minimum"].as_u64(), reservation["quantity"]["maximum"].as_u64()), (Some(1), Some(1000)));
    assert_eq!(reservation["displayName"]["maxLength"], 64);
    assert!(reservation["billingScopeId"]["pattern"].is_string());
    assert_eq!(schemas["VmSkuName"]["enum"], json!(["Standard_B2ms", "Standard_D2s_v5", "Standard_D4s_v5", "Standard_E4s_v5"]));
    assert_eq!(schemas["Location"]["enum"], json!(["eastus", "westeurope", "germanywestcentral"]));
    let amount = &schemas["Commitment"]["properties"]["amount"];
    assert_eq!((amount["minimum"].as_f64(), amount["maximum"].as_f64()), (Some(0.001), Some(100000.0)));
    assert_eq!(
        parameter("/providers/Microsoft.BillingBenefits/savingsPlanOrderAliases/{name}", "put", "name")["pattern"],
        "^[A-Za-z0-9_.-]{1,64}$"
    );
    assert_eq!(
        parameter("/providers/Microsoft.Capacity/reservationOrders/{reservationOrderId}", "put", "reservationOrderId")["format"],
        "uuid"
    );
    assert!(schemas["NewRoleAssignmentProperties"]["properties"]["roleDefinitionId"]["pattern"].is_string());
    let arm_codes = schemas["ArmError"]["properties"]["code"]["enum"].as_array().map(Vec::len);
    assert_eq!(arm_codes, Some(api_types::ErrorCode::all().len()));
}

/// A path with every `{name}` replaced by the parameter's example.
fn example_path(path: &str, operation: &Value) -> String {
    let mut concrete = path.to_string();
    let mut query = Vec::new();
    for parameter in operation["parameters"].as_array().into_iter().flatten() {
        let (Some(name), Some(example)) = (
            parameter["name"].as_str(),
            parameter["example"]
                .as_str()
                .or(parameter["schema"]["example"].as_str()),
        ) else {
            continue;
        };
        match parameter["in"].as_str() {
            Some("path") => concrete = concrete.replace(&format!("{{{name}}}"), example),
            Some("query") => query.push(format!("{name}={example}")),
            _ => {}
        }
    }
    if query.is_empty() {
        concrete
    } else {
        format!("{concrete}?{}", query.join("&"))
    }
}

/// Every operation, sent with the document's own examples, by an Admin agent: none gets a
/// 400 or a 5xx, and the examples name demo customers (so they do something).
#[test]
fn the_documented_examples_are_accepted() {
    let doc = document();
    let data = DataFile::new("openapi-examples");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let mut statuses = Vec::new();
    for (path, method, operation) in operations(&doc) {
        if path == "/v1/events" {
            // A stream that does not end: tests/events.rs reads it.
            continue;
        }
        let target = example_path(&path, &operation);
        assert!(
            !target.contains('{'),
            "{method} {path}: every path parameter has an example"
        );
        let mut request = Request::new(&method.to_uppercase(), &target);
        if operation.get("requestBody").is_some() {
            let schema = resolve(
                &doc,
                &operation["requestBody"]["content"]["application/json"]["schema"],
            );
            request = request.json(&schema["example"]);
        }
        let reply = alex.send(request);
        assert!(
            reply.status != 400 && reply.status < 500,
            "{method} {target}: {} {}",
            reply.status,
            reply.text
        );
        statuses.push((method, path, reply.status));
    }
    let status_of = |m: &str, p: &str| {
        statuses
            .iter()
            .find(|(method, path, _)| method == m && path == p)
            .map(|s| s.2)
    };
    assert_eq!(
        status_of("post", "/v1/SelfServePolicy"),
        Some(201),
        "the example grants Fabrikam: {statuses:?}"
    );
    assert_eq!(
        status_of("post", "/v1/customers"),
        Some(201),
        "{statuses:?}"
    );
    assert_eq!(
        status_of("get", "/v1/customers/{id}/users"),
        Some(200),
        "the example is Contoso: {statuses:?}"
    );
    assert_eq!(
        status_of("put", "/v1/SelfServePolicy/{id}"),
        Some(412),
        "Contoso's policy, an old etag: {statuses:?}"
    );
}

/// What the schema allows at its edges gets no 400: the smallest and largest page, the
/// longest token, names and domains of the longest lengths, any Unicode in a name, dates of
/// every year.
#[test]
fn boundary_values_the_schema_allows_get_no_400() {
    let data = DataFile::new("openapi-boundaries");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    for path in [
        "/v1/customers?size=1",
        "/v1/customers?size=1000",
        "/v1/customers?continuationToken=0",
        "/v1/customers?continuationToken=999999999&size=1000",
        "/v1/customers?search=",
        "/v1/customers?search=%00%F0%9F%98%80",
        "/v1/auditrecords?startDate=0000-01-01&endDate=9999-12-31",
        "/v1/auditrecords?startDate=2024-02-29&endDate=2024-02-29",
        "/v1/auditrecords?endDate=0000-01-01",
        "/v1/SelfServePolicy?entity_id=FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF",
        "/v1/customers/00000000-0000-0000-0000-000000000000/users",
    ] {
        let reply = alex.get(path);
        assert!(
            reply.status != 400 && reply.status < 500,
            "{path}: {} {}",
            reply.status,
            reply.text
        );
    }
    let continuation =
        Request::new("GET", "/v1/customers?size=5").header("MS-ContinuationToken", "000000007");
    assert_eq!(alex.send(continuation).status, 200);

    let label = |c: char| {
        std::iter::once('a')
            .chain(std::iter::repeat_n(c, 61))
            .chain(std::iter::once('9'))
            .collect::<String>()
    };
    let long_domain = [label('b'), label('c'), label('d')].join(".") + ".example"; // 3 × 64 + 7 characters
    assert!(long_domain.len() <= 237);
    let accepted = [
        ("x".repeat(200), "x63".to_string() + &"y".repeat(60)),
        ("東".repeat(200), "tokyo-200".to_string()),
        (
            " \u{a0}Leading and trailing spaces\u{3000} ".to_string(),
            "spaces".to_string(),
        ),
        (
            "\u{1F600}\u{200B}\u{FEFF}".to_string(),
            "emoji.example".to_string(),
        ),
        ("N".to_string(), long_domain),
        (
            "Upper Case Domain".to_string(),
            "UPPER-Case.Example.COM".to_string(),
        ),
    ];
    for (n, (name, domain)) in accepted.iter().enumerate() {
        let mut new = new_customer(name, domain);
        new.billing_profile.email = format!("{}@{}.example", "a".repeat(240 - n), "b");
        assert!(new.billing_profile.email.len() <= 254);
        let reply = alex.post("/v1/customers", &new);
        assert_eq!(reply.status, 201, "{name:?} {domain:?}: {}", reply.text);
    }
    // The contact details are free text.
    let mut free = new_customer("Free Text", "freetext");
    free.billing_profile.first_name = "\u{0}\u{7}<b>".repeat(100);
    free.billing_profile.culture = String::new();
    free.billing_profile.default_address = None;
    free.billing_profile.email = "!#$%&'*+-/=?^_`{|}~@[::1].x".to_string();
    assert_eq!(alex.post("/v1/customers", &free).status, 201);
}

/// Every operation the clients send (`api_types::endpoint`) is one of the document's: its
/// method on a documented path (the clients' one definition and the server agree).
#[test]
fn every_endpoint_is_a_documented_operation() {
    use api_types::endpoint::*;
    use api_types::Endpoint;
    use domain::{AzureSubscriptionId, CustomerId, ReservationOrderId, RoleAssignmentId};

    fn sent<E: Endpoint>(endpoint: E) -> (String, String) {
        (E::METHOD.as_str().to_ascii_lowercase(), endpoint.path())
    }
    let customer = CustomerId::from_uuid(uuid::Uuid::from_u128(1));
    let azure = AzureSubscriptionId::from_uuid(uuid::Uuid::from_u128(2));
    let assignment = RoleAssignmentId::from_uuid(uuid::Uuid::from_u128(3));
    let order = ReservationOrderId::from_uuid(uuid::Uuid::from_u128(4));
    let day = time::macros::date!(2026 - 12 - 06);
    let policy = api_types::policy::NewPolicy::new(customer, &domain::PermissionSet::default());
    let update = api_types::policy::PolicyUpdate {
        id: None,
        self_serve_entity: None,
        grantor: None,
        permissions: Vec::new(),
        attributes: None,
    };
    let reservation = api_types::reservation::NewReservationOrder::from_domain(&test_support::reservation_request(azure));
    let savings = api_types::savings_plan::NewSavingsPlanOrderAlias::from_domain(&test_support::savings_plan_request("plan-1", azure));
    let calls = [
        sent(ListDemoUsers {}),
        sent(ListCustomers { search: "a b".into(), size: 50, offset: 0 }),
        sent(ReadCustomer { customer }),
        sent(ListCustomerUsers { customer }),
        sent(ListSubscriptions { customer }),
        sent(ReadReadiness { customer }),
        sent(ListOrders { customer }),
        sent(CreateCart { customer, body: api_types::cart::NewCart::azure_plan() }),
        sent(CheckoutCart { customer, cart: uuid::Uuid::from_u128(5) }),
        sent(ListSelfServePolicies { customer }),
        sent(CreateSelfServePolicy { body: policy }),
        sent(UpdateSelfServePolicy { id: "p_c".into(), body: update }),
        sent(DeleteSelfServePolicy { id: "p_c".into(), etag: "e".into() }),
        sent(ListAuditRecords { from: day, to: day }),
        sent(ListAzureSubscriptions {}),
        sent(ReadAzureSubscription { azure }),
        sent(CreateRoleAssignment { azure, id: assignment, body: api_types::role_assignment::NewRoleAssignment::new(&azure, domain::CustomerUserId::from_uuid(uuid::Uuid::from_u128(6)), domain::AzureRole::Owner) }),
        sent(DeleteRoleAssignment { azure, id: assignment }),
        sent(ListReservationOrders { customer: Some(customer), skip: 0 }),
        sent(PurchaseReservationOrder { id: order, body: reservation }),
        sent(ListSavingsPlanOrders { customer: None, skip: 0 }),
        sent(PurchaseSavingsPlan { alias: "plan-1".into(), body: savings }),
        sent(ListFaultRules {}),
        sent(AddFaultRule { body: api_types::stand_in::NewFaultRule {
            matches: Default::default(),
            fault: api_types::stand_in::Fault::DropConnection {},
            when: None,
            expires_after_uses: None,
            expires_in_seconds: None,
        } }),
        sent(RemoveFaultRule { id: uuid::Uuid::from_u128(7) }),
        sent(ClearFaultRules {}),
        sent(ListServedRequests { query: Default::default() }),
        sent(CountServedRequests { query: Default::default() }),
        sent(ClearServedRequests {}),
        sent(ResetData { body: Default::default() }),
        sent(ListSnapshots {}),
        sent(TakeSnapshot { body: api_types::stand_in::NewSnapshot { name: "s".into() } }),
        sent(RestoreSnapshot { name: "s".into() }),
        sent(ListNotifications {}),
        sent(MarkNotifications { body: api_types::notification::MarkNotificationsRead { ids: Vec::new(), all: true } }),
    ];
    let doc = document();
    let documented = operations(&doc);
    for (method, path) in calls {
        let path = path.split('?').next().unwrap_or_default().to_string();
        let segments: Vec<&str> = path.split('/').collect();
        let found = documented.iter().any(|(template, m, _)| {
            let parts: Vec<&str> = template.split('/').collect();
            *m == method
                && parts.len() == segments.len()
                && parts.iter().zip(&segments).all(|(t, s)| t == s || (t.starts_with('{') && t.ends_with('}')))
        });
        assert!(found, "{method} {path} is not a documented operation");
    }
}
