//! `POST /v1/customers`: who may create a customer, what is refused, retries, and restarts.

mod support;

use serde_json::{json, Value};
use support::*;

fn new_customer(name: &str, domain: &str) -> Value {
    json!({
        "companyProfile": { "domain": domain, "companyName": name },
        "billingProfile": {
            "email": "billing@example.com", "firstName": "Ada", "lastName": "Lovelace", "culture": "en-GB",
            "defaultAddress": { "addressLine1": "1 Main St", "city": "London", "postalCode": "EC1A 1BB", "country": "GB" }
        }
    })
}

fn post(server: &Server, token: &str, body: &Value) -> Reply {
    server.send(Request::new("POST", "/v1/customers").token(Some(token)).json(body))
}

#[test]
fn admin_and_sales_agents_create_customers_that_can_then_be_read_and_searched() {
    let data = DataFile::new("create-customer");
    let server = Server::start(&data);
    for (token, name, domain) in [(ADMIN, "Zava Corp", "zava"), (SALES, "株式会社 Example", "example-jp.com")] {
        let reply = post(&server, token, &new_customer(name, domain));
        assert_eq!(reply.status, 201, "{}", reply.text);
        let created = reply.json();
        assert_eq!(created["companyProfile"]["companyName"], name);
        let id = created["id"].as_str().expect("an id").to_string();
        let read = server.get(&format!("/v1/customers/{id}"), Some(HELPDESK));
        assert_eq!(read.status, 200);
        assert_eq!(read.json()["billingProfile"]["defaultAddress"]["city"], "London");
        let subscriptions = server.get(&format!("/v1/customers/{id}/subscriptions"), Some(ADMIN)).json();
        assert_eq!(subscriptions["totalCount"], 0, "a new customer has no subscriptions");
    }
    let found = server.get("/v1/customers?search=zava", Some(ADMIN)).json();
    assert_eq!(found["items"][0]["companyProfile"]["domain"], "zava.onmicrosoft.com");
}

#[test]
fn helpdesk_agents_taken_domains_and_bad_details_are_refused_and_nothing_is_created() {
    let data = DataFile::new("create-customer-refused");
    let server = Server::start(&data);
    let count = || server.get("/v1/customers?size=1", Some(ADMIN)).json()["totalMatches"].clone();
    let before = count();

    post(&server, HELPDESK, &new_customer("Nope Ltd", "nope")).assert_error(403, 403);
    post(&server, ADMIN, &new_customer("Contoso Again", "contoso")).assert_error(409, 409);
    post(&server, ADMIN, &new_customer("", "empty-name")).assert_error(400, 400);
    post(&server, ADMIN, &new_customer("Bad Domain", "not a domain")).assert_error(400, 400);
    let mut bad_email = new_customer("Bad Email", "bademail");
    bad_email["billingProfile"]["email"] = json!("nobody");
    post(&server, ADMIN, &bad_email).assert_error(400, 400);
    post(&server, ADMIN, &json!({ "companyProfile": { "domain": 5 } })).assert_error(400, 400);
    server
        .send(Request::new("POST", "/v1/customers").json(&new_customer("No Token", "notoken")))
        .assert_error(401, 401);

    assert_eq!(count(), before, "nothing was created");
}

#[test]
fn a_retried_post_creates_once_and_created_customers_survive_a_restart() {
    let data = DataFile::new("create-customer-restart");
    let id = {
        let server = Server::start(&data);
        let request = || {
            Request::new("POST", "/v1/customers")
                .token(Some(ADMIN))
                .header("MS-RequestId", "0f0e0d0c-0b0a-4909-8807-060504030201")
                .json(&new_customer("Retry Ltd", "retry"))
        };
        let first = server.send(request());
        let again = server.send(request());
        assert_eq!(first.status, 201);
        assert_eq!(again.status, 201);
        assert_eq!(first.json(), again.json(), "the same answer");
        assert_eq!(server.get("/v1/customers?search=retry", Some(ADMIN)).json()["totalMatches"], 1);
        first.json()["id"].as_str().expect("id").to_string()
    };
    let server = Server::start(&data);
    let read = server.get(&format!("/v1/customers/{id}"), Some(ADMIN));
    assert_eq!(read.status, 200, "{}", read.text);
    assert_eq!(read.json()["companyProfile"]["companyName"], "Retry Ltd");
}

#[test]
fn a_request_id_is_only_replayed_to_a_caller_who_may_and_on_its_own_route() {
    let data = DataFile::new("create-customer-request-id");
    let server = Server::start(&data);
    let request_id = "1a2b3c4d-0000-4000-8000-00000000beef";
    let create = |token: &str| {
        server.send(
            Request::new("POST", "/v1/customers")
                .token(Some(token))
                .header("MS-RequestId", request_id)
                .json(&new_customer("Replay Ltd", "replay")),
        )
    };
    let first = create(ADMIN);
    assert_eq!(first.status, 201, "{}", first.text);

    // A Helpdesk agent resending the Admin's request gets no copy of the reply.
    create(HELPDESK).assert_error(403, 403);

    // The same id on another route is a new request there: a policy, not the customer again.
    let customer = first.json()["id"].as_str().expect("id").to_string();
    let policy = server.send(
        Request::new("POST", "/v1/SelfServePolicy")
            .token(Some(ADMIN))
            .header("MS-RequestId", request_id)
            .json(&new_policy(&customer, &["AzureSavingsPlan"])),
    );
    assert_eq!(policy.status, 201, "{}", policy.text);
    assert_eq!(resources(&policy.json()), ["AzureSavingsPlan"]);
}
