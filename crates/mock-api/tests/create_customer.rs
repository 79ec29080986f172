//! `POST /v1/customers`: who may create a customer, what is refused, retries, restarts, and
//! hostile strings kept as data.

use api_types::customer::{Customer, CustomerPage};
use api_types::customer_user::CustomerUser;
use api_types::policy::SelfServePolicy;
use api_types::subscription::Subscription;
use api_types::{Collection, ErrorCode};
use domain::{Permission, RefusalKind};
use serde_json::json;
use test_support::{admin, helpdesk, new_customer, sales, DataFile, Request, Server, HOSTILE_NAME};

#[test]
fn admin_and_sales_agents_create_customers_that_can_then_be_read_and_searched() {
    let data = DataFile::new("create-customer");
    let server = Server::start(&data);
    for (user, name, domain) in [
        (admin(), "Zava Corp", "zava"),
        (sales(), "株式会社 Example", "example-jp.com"),
    ] {
        let created: Customer = server
            .as_user(&user)
            .post("/v1/customers", &new_customer(name, domain))
            .expect(201);
        assert_eq!(created.company_profile.company_name, name);
        assert_eq!(created.company_profile.tenant_id, created.id);
        let read: Customer = server
            .as_user(&helpdesk())
            .read(&format!("/v1/customers/{}", created.id));
        assert_eq!(read, created);
        assert_eq!(read.billing_profile.default_address.city, "London");
        assert_eq!(
            (
                read.billing_profile.culture.as_str(),
                read.billing_profile.language.as_str()
            ),
            ("en-GB", "en")
        );
        let alex = server.as_user(&admin());
        let subscriptions: Collection<Subscription> =
            alex.read(&format!("/v1/customers/{}/subscriptions", created.id));
        assert_eq!(
            subscriptions.total_count, 0,
            "a new customer has no subscriptions"
        );
        let users: Collection<CustomerUser> =
            alex.read(&format!("/v1/customers/{}/users", created.id));
        assert_eq!(users.total_count, 0, "and no users");
        assert_eq!(
            alex.policy_of(&created.id),
            None,
            "and every permission Off"
        );
    }
    let found: CustomerPage = server.as_user(&admin()).read("/v1/customers?search=zava");
    assert_eq!(
        found.items[0].company_profile.domain,
        "zava.onmicrosoft.com"
    );
    assert_eq!(found.items[0].permissions(), Default::default());
}

#[test]
fn helpdesk_agents_taken_domains_and_bad_details_are_refused_and_nothing_is_created() {
    let data = DataFile::new("create-customer-refused");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let count = || {
        alex.read::<CustomerPage>("/v1/customers?size=1")
            .total_matches
    };
    let before = count();

    server
        .as_user(&helpdesk())
        .post("/v1/customers", &new_customer("Nope Ltd", "nope"))
        .assert_error(ErrorCode::Refusal(RefusalKind::NotAllowedToCreateCustomers));
    alex.post("/v1/customers", &new_customer("Contoso Again", "contoso"))
        .assert_error(ErrorCode::Refusal(RefusalKind::DomainTaken));
    alex.post(
        "/v1/customers",
        &new_customer("Contoso Again", "Contoso.OnMicrosoft.com"),
    )
    .assert_error(ErrorCode::Refusal(RefusalKind::DomainTaken));
    // What the schema does not allow, the domain refuses too (400, with its own code).
    alex.post("/v1/customers", &new_customer("", "empty-name"))
        .assert_error(ErrorCode::Refusal(RefusalKind::InvalidNewCustomer));
    alex.post("/v1/customers", &new_customer("Bad Domain", "not a domain"))
        .assert_error(ErrorCode::Refusal(RefusalKind::InvalidNewCustomer));
    alex.post("/v1/customers", &new_customer("Tab\tName", "tabname"))
        .assert_error(ErrorCode::Refusal(RefusalKind::InvalidNewCustomer));
    alex.post("/v1/customers", &new_customer(&"x".repeat(201), "longname"))
        .assert_error(ErrorCode::Refusal(RefusalKind::InvalidNewCustomer));
    let mut bad_email = new_customer("Bad Email", "bademail");
    bad_email.billing_profile.email = "nobody".to_string();
    alex.post("/v1/customers", &bad_email)
        .assert_error(ErrorCode::Refusal(RefusalKind::InvalidNewCustomer));
    alex.post(
        "/v1/customers",
        &json!({ "companyProfile": { "domain": 5 } }),
    )
    .assert_error(ErrorCode::BadRequest);
    server
        .client()
        .post("/v1/customers", &new_customer("No Token", "notoken"))
        .assert_error(ErrorCode::Unauthorized);

    assert_eq!(count(), before, "nothing was created");
}

#[test]
fn a_retried_post_creates_once_and_created_customers_survive_a_restart() {
    let data = DataFile::new("create-customer-restart");
    let request = || {
        Request::new("POST", "/v1/customers")
            .header("MS-RequestId", "0f0e0d0c-0b0a-4909-8807-060504030201")
            .json(&new_customer("Retry Ltd", "retry"))
    };
    let created = {
        let server = Server::start(&data);
        let alex = server.as_user(&admin());
        let first: Customer = alex.send(request()).expect(201);
        let again: Customer = alex.send(request()).expect(201);
        assert_eq!(first, again, "the same answer");
        assert_eq!(
            alex.read::<CustomerPage>("/v1/customers?search=retry")
                .total_matches,
            1
        );
        first
    };
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    assert_eq!(
        alex.read::<Customer>(&format!("/v1/customers/{}", created.id)),
        created
    );
    assert_eq!(
        alex.send(request()).expect::<Customer>(201),
        created,
        "remembered across the restart"
    );
    assert_eq!(
        alex.read::<CustomerPage>("/v1/customers?search=retry")
            .total_matches,
        1
    );
}

#[test]
fn a_request_id_is_only_replayed_to_a_caller_who_may_and_on_its_own_route() {
    let data = DataFile::new("create-customer-request-id");
    let server = Server::start(&data);
    let request_id = "1a2b3c4d-0000-4000-8000-00000000beef";
    let create = |user: &test_support::User| {
        server.as_user(user).send(
            Request::new("POST", "/v1/customers")
                .header("MS-RequestId", request_id)
                .json(&new_customer("Replay Ltd", "replay")),
        )
    };
    let first: Customer = create(&admin()).expect(201);

    // A Helpdesk agent resending the Admin's request gets no copy of the reply.
    create(&helpdesk()).assert_error(ErrorCode::Refusal(RefusalKind::NotAllowedToCreateCustomers));

    // The same id on another route is a new request there: a policy, not the customer again.
    let policy = server.as_user(&admin()).send(
        Request::new("POST", "/v1/SelfServePolicy")
            .header("MS-RequestId", request_id)
            .json(&api_types::policy::NewPolicy::new(
                first.id,
                &[Permission::AzureSavingsPlan].into(),
            )),
    );
    let policy: SelfServePolicy = policy.expect(201);
    assert_eq!(
        policy.permission_set(),
        [Permission::AzureSavingsPlan].into()
    );
}

/// Markup and quotes in a name are data: kept, searched, logged and sent back byte for byte.
#[test]
fn a_hostile_company_name_is_stored_and_read_back_byte_identical() {
    let data = DataFile::new("hostile");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let reply = alex.post(
        "/v1/customers",
        &new_customer(HOSTILE_NAME, "hostilestrings"),
    );
    let created: Customer = reply.expect(201);
    assert_eq!(created.company_profile.company_name, HOSTILE_NAME);
    assert_eq!(created.billing_profile.company_name, HOSTILE_NAME);
    // The JSON carries it as it is: nothing escaped into entities, nothing dropped.
    assert!(reply.text.contains(HOSTILE_NAME), "{}", reply.text);

    let read = alex.get(&format!("/v1/customers/{}", created.id));
    assert!(read.text.contains(HOSTILE_NAME), "{}", read.text);
    assert_eq!(
        read.body::<Customer>()
            .company_profile
            .company_name
            .as_bytes(),
        HOSTILE_NAME.as_bytes()
    );
    for search in ["%3Cscript%3E", "pwned", "%3Cb%3EMarkup"] {
        let found: CustomerPage = alex.read(&format!("/v1/customers?search={search}"));
        let names: Vec<_> = found
            .items
            .iter()
            .map(|c| c.company_profile.company_name.as_str())
            .collect();
        assert_eq!(names, [HOSTILE_NAME], "{search}");
    }
    assert_eq!(alex.customer_id(HOSTILE_NAME), created.id);

    // Granted a permission, the Activity log names it as it is.
    assert_eq!(
        alex.post_policy(&created.id, &[Permission::AzureReservations])
            .status,
        201
    );
    assert_eq!(alex.audit()[0].customer_name, HOSTILE_NAME);

    // And after a restart, too.
    drop(server);
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    assert_eq!(
        alex.read::<Customer>(&format!("/v1/customers/{}", created.id))
            .company_profile
            .company_name,
        HOSTILE_NAME
    );
    assert_eq!(alex.audit()[0].customer_name, HOSTILE_NAME);
}
