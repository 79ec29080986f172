//! The mock API as a local stand-in (`/_mock`): fault rules make it fail on purpose and
//! change nothing when they do; the journal keeps what was served (filters, count, its size,
//! no token in it); reset and snapshots give each test a known start; only partner Admin
//! agents and the admin token may use any of it.

use std::time::{Duration, Instant};

use api_types::endpoint::*;
use api_types::stand_in::{Fault, FaultMatch, FaultWhen, JournalQuery, NewFaultRule, NewSnapshot, Reset};
use api_types::ErrorCode;
use mock_api::stand_in::StandInConfig;
use test_support::{admin, customer_token, helpdesk, reservation_request, Client, DataFile, Request, Server};

const ADMIN_TOKEN: &str = "mock-admin-test";
const MEGAN: &str = "meganb@contoso.onmicrosoft.com";

fn start(name: &str, journal_size: usize) -> (DataFile, Server) {
    let data = DataFile::new(name);
    let config = StandInConfig { admin_token: ADMIN_TOKEN.to_string(), journal_size, faults: Vec::new() };
    let server = Server::start_configured(&data, 0, config);
    (data, server)
}

fn mock_admin(server: &Server) -> Client {
    server.client().with_token(ADMIN_TOKEN)
}

fn rule(matches: FaultMatch, fault: Fault) -> NewFaultRule {
    NewFaultRule { matches, fault, when: None, expires_after_uses: None, expires_in_seconds: None }
}

fn on(method: &str, path: &str) -> FaultMatch {
    FaultMatch { method: Some(method.to_string()), path: Some(path.to_string()), caller: None }
}

fn query(method: &str, path: &str) -> JournalQuery {
    JournalQuery { method: Some(method.to_string()), path: Some(path.to_string()), ..JournalQuery::default() }
}

#[test]
fn only_admin_agents_and_the_admin_token_use_the_stand_in() {
    let (_data, server) = start("stand-in-auth", 100);
    server.client().call(&ListFaultRules {}).assert_error(ErrorCode::Unauthorized);
    server.as_user(&helpdesk()).call(&ListFaultRules {}).assert_error(ErrorCode::StandInAdminOnly);
    server.client().as_customer(MEGAN).call(&ListFaultRules {}).assert_error(ErrorCode::StandInAdminOnly);
    assert_eq!(server.as_user(&admin()).ok(&ListFaultRules {}).items, []);
    assert_eq!(mock_admin(&server).ok(&ListFaultRules {}).items, []);
}

#[test]
fn a_429_rule_answers_with_retry_after_in_the_routes_body_and_changes_nothing() {
    let (_data, server) = start("stand-in-429", 100);
    let admin_client = mock_admin(&server);
    let megan = server.client().as_customer(MEGAN);
    let azure = megan.my_azure_subscriptions()[0].subscription_id;
    let added = admin_client.ok(&AddFaultRule {
        body: rule(on("PUT", "/providers/Microsoft.Capacity/reservationOrders/*"), Fault::TooManyRequests { retry_after_seconds: 2 }),
    });
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id("Contoso Ltd");
    let (orders, records) = (alex.orders(&contoso).len(), alex.audit().len());

    let refused = megan.buy_reservation(&reservation_request(azure));
    assert_eq!(refused.status, 429);
    assert_eq!(refused.header("retry-after"), Some("2"));
    refused.assert_arm_error(ErrorCode::TooManyRequests);
    assert_eq!((alex.orders(&contoso).len(), alex.audit().len()), (orders, records), "nothing bought");
    // Partner Center's body on /v1.
    admin_client.ok(&ClearFaultRules {});
    admin_client.ok(&AddFaultRule { body: rule(on("GET", "/v1/customers"), Fault::TooManyRequests { retry_after_seconds: 1 }) });
    let reply = alex.get("/v1/customers");
    assert_eq!((reply.status, reply.header("retry-after")), (429, Some("1")));
    reply.assert_error(ErrorCode::TooManyRequests);
    // The journal says a rule answered.
    let served = admin_client.ok(&ListServedRequests { query: query("PUT", "/providers/**") }).items;
    assert_eq!(served.len(), 1);
    assert_eq!(served[0].fault.as_ref().map(|f| f.rule), Some(added.id));
    assert_eq!(served[0].status, 429);
}

#[test]
fn a_server_error_rule_fails_the_purchase_and_nothing_is_billed() {
    let (_data, server) = start("stand-in-503", 100);
    let admin_client = mock_admin(&server);
    let megan = server.client().as_customer(MEGAN);
    let azure = megan.my_azure_subscriptions()[0].subscription_id;
    admin_client.ok(&AddFaultRule { body: rule(on("PUT", "/providers/**"), Fault::ServerError { status: 503 }) });
    let request = reservation_request(azure);
    let failed = megan.buy_reservation(&request);
    assert_eq!(failed.status, 503);
    failed.assert_arm_error(ErrorCode::StorageFailed);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id("Contoso Ltd");
    assert!(alex.reservations_of(&contoso).iter().all(|r| r.name != request.id), "not bought");
    // Without the rule, the same purchase goes through once.
    admin_client.ok(&ClearFaultRules {});
    assert_eq!(megan.buy_reservation(&request).status, 200);
    let count = admin_client.ok(&CountServedRequests { query: JournalQuery { status: Some(200), ..query("PUT", "/providers/Microsoft.Capacity/reservationOrders/*") } });
    assert_eq!(count.count, 1, "exactly one purchase went through");
    // A rule of 500 answers Partner Center's body on /v1.
    admin_client.ok(&AddFaultRule { body: rule(on("GET", "/v1/customers/*/orders"), Fault::ServerError { status: 500 }) });
    alex.get(&format!("/v1/customers/{contoso}/orders")).assert_error(ErrorCode::ServerError);
}

#[test]
fn rules_apply_to_the_first_n_the_nth_or_by_chance_and_expire_after_their_uses() {
    let (_data, server) = start("stand-in-counters", 100);
    let admin_client = mock_admin(&server);
    let alex = server.as_user(&admin());
    let statuses = |n: usize| (0..n).map(|_| alex.get("/v1/customers").status).collect::<Vec<_>>();
    let fail = |when: Option<FaultWhen>, expires_after_uses: Option<u32>| {
        admin_client.ok(&ClearFaultRules {});
        admin_client.ok(&AddFaultRule {
            body: NewFaultRule { when, expires_after_uses, ..rule(on("GET", "/v1/customers"), Fault::ServerError { status: 500 }) },
        })
    };
    fail(Some(FaultWhen::First(2)), None);
    assert_eq!(statuses(4), [500, 500, 200, 200]);
    let rules = admin_client.ok(&ListFaultRules {}).items;
    assert_eq!((rules[0].matched, rules[0].applied), (4, 2));
    fail(Some(FaultWhen::Nth(3)), None);
    assert_eq!(statuses(4), [200, 200, 500, 200]);
    fail(Some(FaultWhen::Probability(0.0)), None);
    assert_eq!(statuses(3), [200, 200, 200]);
    fail(Some(FaultWhen::Probability(1.0)), None);
    assert_eq!(statuses(2), [500, 500]);
    // Expires after one use: gone from the list.
    fail(None, Some(1));
    assert_eq!(statuses(2), [500, 200]);
    assert_eq!(admin_client.ok(&ListFaultRules {}).items, []);
    // Only a caller's requests.
    admin_client.ok(&AddFaultRule {
        body: rule(FaultMatch { caller: Some(admin().id().as_str().to_string()), ..FaultMatch::default() }, Fault::ServerError { status: 503 }),
    });
    assert_eq!(alex.get("/v1/customers").status, 503);
    assert_eq!(server.as_user(&helpdesk()).get("/v1/customers").status, 200);
    // A rule that cannot apply is refused, and one can be removed.
    let bad = admin_client.call(&AddFaultRule { body: rule(FaultMatch::default(), Fault::ServerError { status: 418 }) });
    bad.assert_error(ErrorCode::BadRequest);
    let unusable = admin_client.call(&AddFaultRule { body: rule(FaultMatch::default(), Fault::ServerError { status: 502 }) });
    unusable.assert_error(ErrorCode::Unprocessable);
    let id = admin_client.ok(&ListFaultRules {}).items[0].id;
    admin_client.ok(&RemoveFaultRule { id });
    admin_client.call(&RemoveFaultRule { id }).assert_error(ErrorCode::UnknownFaultRule);
}

#[test]
fn latency_delays_and_a_dropped_connection_gives_no_answer() {
    let (_data, server) = start("stand-in-latency", 100);
    let admin_client = mock_admin(&server);
    let alex = server.as_user(&admin());
    admin_client.ok(&AddFaultRule { body: rule(on("GET", "/v1/customers"), Fault::Latency { ms: 300, max_ms: Some(400) }) });
    let started = Instant::now();
    assert_eq!(alex.get("/v1/customers").status, 200);
    assert!(started.elapsed() >= Duration::from_millis(300), "{:?}", started.elapsed());
    admin_client.ok(&ClearFaultRules {});
    admin_client.ok(&AddFaultRule { body: rule(on("GET", "/v1/customers"), Fault::DropConnection {}) });
    assert!(alex.try_send(Request::new("GET", "/v1/customers")).is_none_or(|reply| reply.status != 200 || reply.text.is_empty()));
    let entry = &admin_client.ok(&ListServedRequests { query: query("GET", "/v1/customers") }).items[0];
    assert!(matches!(entry.fault.as_ref().map(|f| &f.fault), Some(Fault::DropConnection {})));
}

#[test]
fn the_journal_keeps_what_was_served_without_tokens_filtered_counted_and_bounded() {
    let (_data, server) = start("stand-in-journal", 5);
    let admin_client = mock_admin(&server);
    let alex = server.as_user(&admin());
    let request = Request::new("GET", "/v1/demo/users").header("MS-CorrelationId", "corr-1").header("MS-RequestId", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assert_eq!(alex.send(request).status, 200);
    let entry = admin_client.ok(&ListServedRequests { query: JournalQuery { correlation_id: Some("corr-1".into()), ..JournalQuery::default() } }).items;
    assert_eq!(entry.len(), 1);
    let e = &entry[0];
    assert_eq!((e.method.as_str(), e.path.as_str(), e.status, e.caller.as_deref()), ("GET", "/v1/demo/users", 200, Some(admin().id().as_str())));
    assert_eq!(e.request_id.as_deref(), Some("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
    let whole = serde_json::to_string(&admin_client.ok(&ListServedRequests { query: JournalQuery::default() })).unwrap();
    assert!(!whole.contains(&admin().token) && !whole.contains(&customer_token(MEGAN)), "no token is kept: {whole}");
    assert!(whole.contains("redacted"));
    // Newest first, at most 5, and /_mock's own are not kept.
    for _ in 0..7 {
        alex.get("/v1/customers");
    }
    let all = admin_client.ok(&ListServedRequests { query: JournalQuery::default() }).items;
    assert_eq!(all.len(), 5);
    assert!(all.windows(2).all(|w| w[0].id > w[1].id));
    assert!(all.iter().all(|e| !e.path.starts_with("/_mock")));
    let since = all[1].id;
    assert_eq!(admin_client.ok(&CountServedRequests { query: JournalQuery { since: Some(since), ..JournalQuery::default() } }).count, 1);
    admin_client.ok(&ClearServedRequests {});
    assert_eq!(admin_client.ok(&CountServedRequests { query: JournalQuery::default() }).count, 0);
}

#[test]
fn reset_and_snapshots_give_each_test_a_known_start() {
    let (_data, server) = start("stand-in-reset", 100);
    let admin_client = mock_admin(&server);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id("Contoso Ltd");
    let megan = server.client().as_customer(MEGAN);
    let azure = megan.my_azure_subscriptions()[0].subscription_id;
    let before = alex.reservations_of(&contoso).len();
    admin_client.ok(&TakeSnapshot { body: NewSnapshot { name: "clean".into() } });
    assert_eq!(megan.buy_reservation(&reservation_request(azure)).status, 200);
    assert_eq!(alex.reservations_of(&contoso).len(), before + 1);
    admin_client.ok(&RestoreSnapshot { name: "clean".into() });
    assert_eq!(alex.reservations_of(&contoso).len(), before, "as it was when taken");
    admin_client.call(&RestoreSnapshot { name: "nope".into() }).assert_error(ErrorCode::UnknownSnapshot);
    assert_eq!(admin_client.ok(&ListSnapshots {}).items.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["clean"]);

    // A reset with generated customers of a seed: the same seed, the same customers.
    let names = |client: &Client| client.ok(&ListCustomers { search: String::new(), size: 200, offset: 0 }).items.iter().map(|c| c.company_profile.company_name.clone()).collect::<Vec<_>>();
    admin_client.ok(&ResetData { body: Reset { customers: 20, seed: 7 } });
    let seven = names(&alex);
    assert!(seven.len() > 20);
    admin_client.ok(&ResetData { body: Reset { customers: 20, seed: 8 } });
    assert_ne!(names(&alex), seven);
    admin_client.ok(&ResetData { body: Reset { customers: 20, seed: 7 } });
    assert_eq!(names(&alex), seven);
    admin_client.call(&ResetData { body: Reset { customers: 10_001, seed: 0 } }).assert_error(ErrorCode::BadRequest);
}
