//! Customers, subscriptions, readiness, the audit log's dates, the partner, and the OpenAPI
//! document, as a client reads them.

mod support;

use serde_json::Value;
use support::*;

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| {
            c["companyProfile"]["companyName"]
                .as_str()
                .map(str::to_string)
        })
        .collect()
}

#[test]
fn customers_page_with_size_and_continuation_and_search_by_name_or_domain() {
    let data = DataFile::new("customers");
    let server = Server::start_with(&data, 30);
    let first = server.get("/v1/customers?size=20", Some(ADMIN)).json();
    assert_eq!(first["totalCount"], 20);
    assert_eq!(first["totalMatches"], 55);
    let token = first["continuationToken"]
        .as_str()
        .expect("more follow")
        .to_string();
    assert_eq!(
        first["links"]["next"]["headers"][0]["key"],
        "MS-ContinuationToken"
    );

    // The token works as a query parameter or as the header.
    let second = server
        .get(
            &format!("/v1/customers?size=20&continuationToken={token}"),
            Some(ADMIN),
        )
        .json();
    let second_by_header = server
        .send(
            Request::new("GET", "/v1/customers?size=20")
                .token(Some(ADMIN))
                .header("MS-ContinuationToken", &token),
        )
        .json();
    assert_eq!(second, second_by_header);
    let next_uri = second["links"]["next"]["uri"]
        .as_str()
        .expect("a next link")
        .to_string();
    let third = server.get(&next_uri, Some(ADMIN)).json();
    assert_eq!(third["totalCount"], 15);
    assert!(
        third.get("continuationToken").is_none() && third.get("links").is_none(),
        "last page"
    );

    let all: Vec<String> = [&first, &second, &third]
        .into_iter()
        .flat_map(names)
        .collect();
    assert_eq!(all.len(), 55);
    let mut sorted = all.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(all, sorted, "sorted by name");

    let by_name = server
        .get("/v1/customers?search=fabrikam", Some(ADMIN))
        .json();
    assert_eq!(names(&by_name), [FABRIKAM]);
    let by_domain = server
        .get("/v1/customers?search=tailspintoys.onmicrosoft", Some(ADMIN))
        .json();
    assert_eq!(names(&by_domain), ["Tailspin Toys"]);
    let unicode = server
        .get("/v1/customers?search=%E6%9D%B1%E4%BA%AC", Some(ADMIN))
        .json();
    assert_eq!(names(&unicode), ["東京クラウドソリューションズ株式会社"]);
    assert_eq!(
        server
            .get("/v1/customers?search=no-such-company-anywhere", Some(ADMIN))
            .json()["totalCount"],
        0
    );

    let contoso = &server
        .get("/v1/customers?search=contoso", Some(ADMIN))
        .json()["items"][0];
    assert_eq!(
        contoso["companyProfile"]["domain"],
        "contoso.onmicrosoft.com"
    );
    assert_eq!(
        contoso["selfServePermissions"],
        serde_json::json!(["AzureReservedInstances"])
    );
}

#[test]
fn one_customer_its_subscriptions_and_its_readiness() {
    let data = DataFile::new("customer");
    let server = Server::start(&data);
    let contoso = customer_id(&server, CONTOSO);
    let customer = server.get(&format!("/v1/customers/{contoso}"), Some(SALES));
    assert_eq!(customer.status, 200);
    let customer = customer.json();
    assert_eq!(customer["id"], contoso);
    assert_eq!(customer["companyProfile"]["companyName"], CONTOSO);
    assert!(customer["billingProfile"]["email"].is_string());
    assert_eq!(customer["attributes"]["objectType"], "Customer");

    let subscriptions = server
        .get(
            &format!("/v1/customers/{contoso}/subscriptions"),
            Some(ADMIN),
        )
        .json();
    let items = subscriptions["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let plan = items
        .iter()
        .find(|s| s["offerName"] == "Azure plan")
        .expect("Contoso has an Azure plan");
    assert_eq!(plan["billingType"], "usage");
    assert_eq!(plan["status"], "active");
    assert!(!plan["azureSubscriptionIds"]
        .as_array()
        .map(Vec::is_empty)
        .unwrap_or(true));

    let ready = server
        .get(
            &format!("/v1/customers/{contoso}/readiness"),
            Some(HELPDESK),
        )
        .json();
    assert_eq!(ready["isReady"], true);
    assert_eq!(ready["owners"][0]["displayName"], "Megan Bowen");

    // Northwind has licences only: not ready, and it says why.
    let northwind = customer_id(&server, "Northwind Traders");
    let not_ready = server
        .get(&format!("/v1/customers/{northwind}/readiness"), Some(ADMIN))
        .json();
    assert_eq!(not_ready["isReady"], false);
    assert_eq!(not_ready["hasAzureSubscription"], false);
    // Adventure Works has an Azure plan but nobody with Owner.
    let adventure = customer_id(&server, "Adventure Works Cycles");
    let no_owner = server
        .get(&format!("/v1/customers/{adventure}/readiness"), Some(ADMIN))
        .json();
    assert_eq!(
        (
            no_owner["hasAzureSubscription"].clone(),
            no_owner["hasOwner"].clone()
        ),
        (true.into(), false.into())
    );

    let partner = server.get("/v1/partner", Some(ADMIN)).json();
    assert_eq!(partner["companyName"], "Adatum Cloud Services");
    assert_eq!(partner["customerCount"], 25);
}

#[test]
fn audit_records_are_filtered_by_date_newest_first() {
    let data = DataFile::new("audit");
    let server = Server::start(&data);
    let fabrikam = customer_id(&server, FABRIKAM);
    assert_eq!(
        post_policy(&server, ADMIN, &fabrikam, &["AzureSavingsPlan"]).status,
        201
    );
    let today = time::OffsetDateTime::now_utc().date();
    let fmt = |d: time::Date| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());

    let default_range = server.get("/v1/auditrecords", Some(ADMIN)).json();
    assert_eq!(
        default_range["items"][0]["customerId"], fabrikam,
        "today's change is in the default range, first"
    );
    let dates: Vec<String> = audit(&server)
        .iter()
        .filter_map(|r| r["operationDate"].as_str().map(str::to_string))
        .collect();
    let mut newest_first = dates.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, newest_first);

    let tomorrow = today.next_day().expect("a tomorrow");
    let future = server
        .get(
            &format!(
                "/v1/auditrecords?startDate={}&endDate={}",
                fmt(tomorrow),
                fmt(tomorrow)
            ),
            Some(ADMIN),
        )
        .json();
    assert_eq!(future["totalCount"], 0);
    let rfc = server
        .get(
            &format!(
                "/v1/auditrecords?startDate={}T00:00:00Z&endDate={}",
                fmt(today),
                fmt(today)
            ),
            Some(ADMIN),
        )
        .json();
    assert!(rfc["items"]
        .as_array()
        .is_some_and(|items| items.iter().any(|r| r["customerId"] == fabrikam)));
}

#[test]
fn the_openapi_document_lists_exactly_the_routes_the_server_has() {
    assert_eq!(
        routes_in_source(),
        documented_routes(),
        "the router's routes (src/routes/*.rs) and openapi.json differ"
    );

    let data = DataFile::new("openapi");
    let server = Server::start(&data);
    let served = server.get("/v1/openapi.json", None);
    assert_eq!(served.status, 200);
    let doc = served.json();
    let checked_in: Value =
        serde_json::from_str(include_str!("../openapi.json")).expect("valid JSON");
    assert_eq!(doc, checked_in);
    assert_eq!(doc["openapi"], "3.0.3");

    let contoso = customer_id(&server, CONTOSO);
    let policy = policy_id(&server, &contoso);
    let paths = doc["paths"].as_object().expect("paths");
    assert!(paths.len() >= 11);
    for (path, operations) in paths {
        let concrete = if path.starts_with("/v1/SelfServePolicy/") {
            path.replace("{id}", &policy)
        } else {
            path.replace("{id}", &contoso)
        };
        for method in ["get", "post", "put", "delete", "patch"] {
            let documented = operations.get(method).is_some();
            let request = Request::new(&method.to_uppercase(), &concrete)
                .token(Some(SALES))
                .json(&serde_json::json!({}));
            let reply = server.send(request);
            let unknown_route = reply.status == 404
                && reply.json()["description"]
                    .as_str()
                    .is_some_and(|d| d.starts_with("no route"));
            if documented {
                assert!(
                    !unknown_route && reply.status != 405,
                    "{method} {path} is documented but not routed: {}",
                    reply.text
                );
                for status in operations[method]["responses"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(s, _)| s)
                {
                    assert!(
                        status.parse::<u16>().is_ok_and(|s| (200..500).contains(&s)),
                        "{method} {path}: {status}"
                    );
                }
            } else {
                assert_eq!(
                    reply.status, 405,
                    "{method} {path} is routed but not documented"
                );
            }
        }
    }
}

/// (path, method) of every `.route("path", get(..).post(..))` in the route files.
fn routes_in_source() -> Vec<(String, String)> {
    let sources = [
        include_str!("../src/routes/policies.rs"),
        include_str!("../src/routes/customers.rs"),
        include_str!("../src/routes/audit.rs"),
        include_str!("../src/routes/demo.rs"),
    ];
    let mut routes = Vec::new();
    for source in sources {
        // The arguments of each `.route("/v1/x/{id}", get(read).put(update))` call.
        for call in source.split(".route(").skip(1) {
            let mut depth = 1;
            let end = call
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(call.len(), |(i, _)| i);
            let mut parts = call[..end].splitn(3, '"');
            let (Some(_), Some(path), Some(handlers)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            for method in ["get", "post", "put", "delete", "patch"] {
                let called = |prefix: char| handlers.contains(&format!("{prefix}{method}("));
                if called(' ') || called('.') || called('\n') {
                    routes.push((path.to_string(), method.to_string()));
                }
            }
        }
    }
    assert!(routes.len() >= 13, "found the routes: {routes:?}");
    routes.sort();
    routes
}

fn documented_routes() -> Vec<(String, String)> {
    let doc: Value = serde_json::from_str(include_str!("../openapi.json")).expect("valid JSON");
    let mut routes: Vec<(String, String)> = doc["paths"]
        .as_object()
        .into_iter()
        .flatten()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .into_iter()
                .flatten()
                .map(move |(m, _)| (path.clone(), m.clone()))
        })
        .collect();
    routes.sort();
    routes
}
