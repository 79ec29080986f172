//! Every acknowledged change survives a restart, a graceful one or a SIGKILL (orders, Azure
//! roles, carts and purchases too); the binary's flags and signals; data files of earlier
//! releases load.

use std::path::Path;
use std::process::Command;

use api_types::audit::AuditRecord;
use api_types::customer::CustomerPage;
use api_types::policy::{PolicyUpdate, SelfServePolicy};
use api_types::Collection;
use domain::demo_data::HAND_MADE_COUNT;
use domain::{CustomerId, Permission, RefusalKind};
use test_support::{admin, Client, DataFile, Server, ServerProcess};

const FABRIKAM: &str = "Fabrikam Inc";
const CONTOSO: &str = "Contoso Ltd";

/// Policies and the audit log, as a client sees them.
fn everything(client: &Client) -> (Collection<SelfServePolicy>, Vec<AuditRecord>) {
    (client.read("/v1/SelfServePolicy"), client.audit())
}

fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_mock-api"))
}

#[test]
fn a_restart_on_the_same_file_keeps_every_acknowledged_change() {
    let data = DataFile::new("restart");
    let server = Server::start_with(&data, 40);
    let alex = server.as_user(&admin());
    let customers_before = alex
        .read::<CustomerPage>("/v1/customers?size=1")
        .total_matches;
    assert_eq!(
        customers_before,
        HAND_MADE_COUNT + 40,
        "hand-made + 40 generated"
    );
    let fabrikam = alex.customer_id(FABRIKAM);
    let contoso = alex.customer_id(CONTOSO);
    assert_eq!(
        alex.post_policy(&fabrikam, &[Permission::AzureSavingsPlan])
            .status,
        201
    );
    assert_eq!(alex.delete(&alex.policy_path(&contoso)).status, 204);
    let before = everything(&alex);
    drop(server);

    // --seed-customers does not apply to a file that has data.
    let server = Server::start_with(&data, 0);
    let alex = server.as_user(&admin());
    assert_eq!(everything(&alex), before);
    assert_eq!(
        alex.read::<CustomerPage>("/v1/customers?size=1")
            .total_matches,
        customers_before
    );

    // Etags keep counting: a change after the restart gets an etag never seen before.
    let fabrikam_path = alex.policy_path(&fabrikam);
    let policy: SelfServePolicy = alex.read(&fabrikam_path);
    let update = PolicyUpdate::new(&policy, &[Permission::AzureReservations].into());
    let updated: SelfServePolicy = alex.put(&fabrikam_path, &update).expect(200);
    assert_ne!(updated.attributes.etag, policy.attributes.etag);
    assert!(before
        .0
        .items
        .iter()
        .all(|p| p.attributes.etag != updated.attributes.etag));
    let mut ids: Vec<_> = alex.audit().iter().map(|r| r.id.clone()).collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "record ids stay unique");
}

#[test]
fn a_killed_server_restarted_on_the_same_file_has_every_acknowledged_change() {
    let data = DataFile::new("sigkill");
    let mut process = ServerProcess::spawn(binary(), &data);
    let alex = process.client().as_user(&admin());
    let page: CustomerPage = alex.read("/v1/customers?size=100");
    let customers: Vec<CustomerId> = page.items.iter().map(|c| c.id).collect();
    assert_eq!(customers.len(), HAND_MADE_COUNT);
    let paths: Vec<String> = customers.iter().map(|c| alex.policy_path(c)).collect();

    // A client toggles every customer's permissions while the server is killed under it.
    // It remembers the last state acknowledged for each customer (None: no policy).
    let client = alex.clone();
    let toggling = std::thread::spawn(move || {
        let mut acknowledged: Vec<Option<Option<SelfServePolicy>>> = vec![None; customers.len()];
        let mut in_flight = None;
        'run: for _round in 0..1000 {
            for (i, customer) in customers.iter().enumerate() {
                let listed = test_support::Request::new(
                    "GET",
                    &format!("/v1/SelfServePolicy?entity_id={customer}"),
                );
                let Some(listed) = client.try_send(listed) else {
                    break 'run;
                };
                let listed: Collection<SelfServePolicy> = listed.body();
                let request = match listed.items.first() {
                    Some(_) => test_support::Request::new("DELETE", &paths[i]),
                    None => test_support::Request::new("POST", "/v1/SelfServePolicy").json(
                        &api_types::policy::NewPolicy::new(
                            *customer,
                            &[Permission::AzureSavingsPlan].into(),
                        ),
                    ),
                };
                in_flight = Some(i);
                let Some(reply) = client.try_send(request) else {
                    break 'run;
                };
                match reply.status {
                    201 => acknowledged[i] = Some(Some(reply.body())),
                    204 => acknowledged[i] = Some(None),
                    other => panic!("unexpected {other}: {}", reply.text),
                }
                in_flight = None;
            }
        }
        (customers, acknowledged, in_flight)
    });
    std::thread::sleep(std::time::Duration::from_millis(400));
    process.kill();
    let (customers, acknowledged, in_flight) = toggling.join().expect("the client");
    let changes = acknowledged.iter().filter(|a| a.is_some()).count();
    assert!(changes > 0, "the client made changes before the kill");

    let process = ServerProcess::spawn(binary(), &data);
    let alex = process.client().as_user(&admin());
    for (i, (customer, expected)) in customers.iter().zip(&acknowledged).enumerate() {
        let Some(expected) = expected else { continue };
        if in_flight == Some(i) {
            continue; // sent but not acknowledged: either outcome is right
        }
        assert_eq!(&alex.policy_of(customer), expected, "{customer}");
    }
    // The server still works on that file, changes included.
    let status = match alex.policy_of(&customers[0]) {
        Some(_) => alex.delete(&alex.policy_path(&customers[0])).status,
        None => {
            alex.post_policy(&customers[0], &[Permission::AzureReservations])
                .status
        }
    };
    assert!(status == 201 || status == 204, "{status}");
    assert_eq!(
        alex.get(&format!("/v1/customers/{}/users", customers[0]))
            .status,
        200
    );
}

#[test]
fn help_explains_every_flag() {
    let output = Command::new(binary()).arg("--help").output().expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    for flag in ["--port", "--data", "--seed-customers", "--help"] {
        assert!(text.contains(flag), "{flag} in {text}");
    }
    let bad = Command::new(binary())
        .arg("--bogus")
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_cleanly() {
    let data = DataFile::new("sigterm");
    let process = ServerProcess::spawn(binary(), &data);
    assert_eq!(process.client().get("/v1/demo/users").status, 200);
    let (status, output) = process.terminate();
    assert!(status.success(), "{status:?}");
    assert!(output.iter().any(|l| l == "mock-api stopped"), "{output:?}");
}

/// A data file written by the release before decide/keep/apply (commit 49acbd6, see
/// `fixtures/`): the policies, records, created customer and kept replies it holds load as
/// they were, and the server goes on from there. Its demo data still had the hand-made
/// customer named with markup, now retired: that customer's policy and record are dropped.
#[test]
fn a_data_file_of_the_previous_release_loads_and_the_server_goes_on_from_it() {
    use api_types::audit::OperationType;
    use api_types::customer::Customer;

    let data = DataFile::new("release-fixture");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/release-49acbd6.db");
    std::fs::copy(&fixture, data.path()).expect("the fixture is copied");
    let check = |server: &Server| {
        let alex = server.as_user(&admin());
        assert_eq!(
            alex.read::<CustomerPage>("/v1/customers?size=1")
                .total_matches,
            HAND_MADE_COUNT + 1
        );
        let created: Customer = alex.read("/v1/customers/add62c46-0da3-4aaf-a2ed-78f93daec98f");
        assert_eq!(
            (
                created.company_profile.company_name.as_str(),
                created.billing_profile.culture.as_str()
            ),
            ("Fixture Ltd", "en-GB")
        );
        let fabrikam = alex
            .policy_of(&alex.customer_id(FABRIKAM))
            .expect("Fabrikam's policy");
        assert_eq!(
            fabrikam.permission_set(),
            [Permission::AzureSavingsPlan].into()
        );
        assert_eq!(fabrikam.attributes.etag, "\"000000077cf7eda43ddd14eb\"");
        assert_eq!(alex.policy_of(&alex.customer_id(CONTOSO)), None);
        let wide_world = alex
            .policy_of(&alex.customer_id("Wide World Importers"))
            .expect("a policy");
        assert_eq!(
            wide_world.permission_set(),
            [Permission::AzureReservations].into()
        );
        let records = alex.audit();
        let newest: Vec<_> = records
            .iter()
            .take(3)
            .map(|r| {
                (
                    r.operation_type,
                    r.customer_name.as_str(),
                    r.user_principal_name.as_str(),
                )
            })
            .collect();
        assert_eq!(
            newest,
            [
                (
                    OperationType::UpdateSelfServePolicy,
                    "Wide World Importers",
                    admin().upn()
                ),
                (
                    OperationType::DeleteSelfServePolicy,
                    CONTOSO,
                    test_support::admin_2().upn()
                ),
                (
                    OperationType::CreateSelfServePolicy,
                    FABRIKAM,
                    admin().upn()
                ),
            ]
        );
        assert!(
            records
                .iter()
                .all(|r| !r.customer_name.contains("<script>")),
            "the retired customer's record is dropped"
        );
        assert_eq!(
            records.len(),
            domain::demo_data::hand_made_grants().count() + 3,
            "the demo's grants and 3 changes"
        );
        fabrikam
    };
    let fabrikam = {
        let server = Server::start(&data);
        let fabrikam = check(&server);
        let alex = server.as_user(&admin());
        // The kept replies are given again to a retry.
        let retry = test_support::Request::new("POST", "/v1/SelfServePolicy")
            .header("MS-RequestId", "7e57f1c7-0000-4000-8000-000000000001")
            .json(&api_types::policy::NewPolicy::new(
                fabrikam.customer(),
                &[Permission::AzureSavingsPlan].into(),
            ));
        assert_eq!(alex.send(retry).expect::<SelfServePolicy>(201), fabrikam);
        let retry = test_support::Request::new("POST", "/v1/customers")
            .header("MS-RequestId", "7e57f1c7-0000-4000-8000-000000000002")
            .json(&test_support::new_customer("Fixture Ltd", "fixture"));
        let replayed: Customer = server
            .as_user(&test_support::sales())
            .send(retry)
            .expect(201);
        assert_eq!(
            replayed.id.to_string(),
            "add62c46-0da3-4aaf-a2ed-78f93daec98f"
        );
        fabrikam
    };
    // It goes on: a new change gets a new etag and the next record id, and is kept.
    let server = Server::start(&data);
    check(&server);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id(CONTOSO);
    let granted: SelfServePolicy = alex
        .post_policy(&contoso, &[Permission::AzureReservations])
        .expect(201);
    let all: Collection<SelfServePolicy> = alex.read("/v1/SelfServePolicy");
    assert_eq!(
        all.items
            .iter()
            .filter(|p| p.attributes.etag == granted.attributes.etag)
            .count(),
        1
    );
    assert_ne!(granted.attributes.etag, fabrikam.attributes.etag);
    assert_eq!(alex.audit()[0].id, "11");
    drop(server);
    let server = Server::start(&data);
    assert_eq!(server.as_user(&admin()).policy_of(&contoso), Some(granted));
}

/// The Azure plan, its cart, a role given and one removed, a reservation and a savings plan
/// bought by a customer user, and their Activity records: all there after a restart, and
/// the next record id goes on from them.
#[test]
fn orders_roles_and_purchases_survive_a_restart() {
    use api_types::cart::{checkout_path, Cart, CartStatus, NewCart};
    use api_types::role_assignment::role_assignment_path;
    use domain::{AzureRole, RoleAssignmentId};

    let data = DataFile::new("restart-commerce");
    let read_all = |alex: &Client, customers: &[CustomerId]| {
        let per_customer: Vec<_> = customers
            .iter()
            .map(|c| {
                (
                    alex.orders(c),
                    alex.subscriptions(c),
                    alex.reservations_of(c),
                    alex.savings_plans_of(c),
                )
            })
            .collect();
        (per_customer, alex.audit())
    };
    let (customers, cart, before) = {
        let server = Server::start(&data);
        let alex = server.as_user(&admin());
        let proseware = alex.customer_id("Proseware, Inc.");
        let contoso = alex.customer_id(CONTOSO);
        // The Azure plan, through a cart; a second cart left as it is.
        assert_eq!(alex.buy_azure_plan(&proseware).status, 201);
        let cart: Cart = alex
            .post(&format!("/v1/customers/{proseware}/carts"), &NewCart::azure_plan())
            .expect(201);
        // Owner given to Henrietta on the new Azure subscription; a Reader given and removed.
        let azure = alex.subscriptions(&proseware).iter().flat_map(|s| s.azure_subscription_ids.clone()).next().expect("the new Azure subscription");
        let users: Collection<api_types::customer_user::CustomerUser> = alex.read(&format!("/v1/customers/{proseware}/users"));
        let henrietta = users.items.iter().find(|u| u.user_principal_name.starts_with("henriettam")).expect("Henrietta").id;
        let tomas = users.items.iter().find(|u| u.user_principal_name.starts_with("tomasr")).expect("Tomás").id;
        let owner = RoleAssignmentId::from_uuid(test_support::fresh_guid());
        assert_eq!(alex.assign_role(&azure, &owner, henrietta, AzureRole::Owner).status, 201);
        let reader = RoleAssignmentId::from_uuid(test_support::fresh_guid());
        assert_eq!(alex.assign_role(&azure, &reader, tomas, AzureRole::Reader).status, 201);
        assert_eq!(alex.delete(&role_assignment_path(&azure, &reader)).status, 200);
        // Henrietta buys a reservation and a savings plan once the partner allows both.
        assert_eq!(alex.post_policy(&proseware, &[Permission::AzureReservations, Permission::AzureSavingsPlan]).status, 201);
        let henrietta = server.client().as_customer("henriettam@proseware.onmicrosoft.com");
        assert_eq!(henrietta.buy_reservation(&test_support::reservation_request(azure)).status, 200);
        assert_eq!(henrietta.buy_savings_plan(&test_support::savings_plan_request("proseware-1", azure)).status, 200);
        // Megan buys a reservation at Contoso.
        let megan = server.client().as_customer("meganb@contoso.onmicrosoft.com");
        let contoso_azure = megan.my_azure_subscriptions()[0].subscription_id;
        assert_eq!(megan.buy_reservation(&test_support::reservation_request(contoso_azure)).status, 200);
        let customers = vec![proseware, contoso];
        let before = read_all(&alex, &customers);
        (customers, cart, before)
    };

    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    assert_eq!(read_all(&alex, &customers), before);
    let proseware = customers[0];
    let azure = alex.subscriptions(&proseware).iter().flat_map(|s| s.azure_subscription_ids.clone()).next().expect("the Azure subscription");
    let roles = alex.role_assignments(&azure);
    assert_eq!(roles.len(), 1);
    assert_eq!(roles[0].properties.principal_name, "henriettam@proseware.onmicrosoft.com");
    // The cart is still there, and checks out into a refusal: the plan exists already.
    let kept: Cart = alex.read(&format!("/v1/customers/{proseware}/carts/{}", cart.id));
    assert_eq!((kept.status, kept.id), (CartStatus::Active, cart.id));
    alex.post(&checkout_path(&proseware, &cart.id), &serde_json::json!({})).assert_error(api_types::ErrorCode::Refusal(RefusalKind::AzurePlanExists));
    // Record ids go on, never repeated.
    let records = before.1;
    let next: u64 = records[0].id.parse().expect("a number");
    assert_eq!(alex.delete(&alex.policy_path(&customers[1])).status, 204);
    assert_eq!(alex.audit()[0].id, (next + 1).to_string());
}

/// A data file of the release before purchases (no orders, roles or purchases in it) takes
/// them from now on.
#[test]
fn a_data_file_of_an_earlier_release_takes_purchases() {
    let data = DataFile::new("release-fixture-purchases");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/release-49acbd6.db");
    std::fs::copy(&fixture, data.path()).expect("the fixture is copied");
    let wide_world = {
        let server = Server::start(&data);
        let alex = server.as_user(&admin());
        let wide_world = alex.customer_id("Wide World Importers");
        assert_eq!(alex.reservations_of(&wide_world).len(), 0, "no purchases before this release");
        let lee = server.client().as_customer("leeg@wideworldimporters.onmicrosoft.com");
        let azure = lee.my_azure_subscriptions()[0].subscription_id;
        assert_eq!(lee.buy_reservation(&test_support::reservation_request(azure)).status, 200);
        wide_world
    };
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    assert_eq!(alex.reservations_of(&wide_world).len(), 1);
    assert_eq!(alex.audit()[0].user_principal_name, "leeg@wideworldimporters.onmicrosoft.com");
}

#[test]
fn purchases_past_their_expiry_end_and_those_that_renew_are_renewed_when_the_server_reads_them() {
    use api_types::order::UserType;
    use api_types::reservation::{reservation_order_path, ReservationOrderResource};
    use api_types::reservation_lifecycle::{order_of_reservation, reservation_path};
    use api_types::purchase::ProvisioningState;
    use domain::{DemoSpec, PartnerStore, ReservationOrderId};

    // Demo data made 25 months ago: Wide World's one-year reservation (auto-renew on) has
    // expired twice since; Litware's three-year savings plan has not.
    let data = DataFile::new("expiries");
    let made = time::OffsetDateTime::now_utc().replace_nanosecond(0).unwrap() - time::Duration::days(761);
    let store = PartnerStore::demo(DemoSpec::new(0, made));
    mock_api::db::Db::open(data.path()).unwrap().init(&store.snapshot()).unwrap();
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let first = ReservationOrderId::from_uuid(uuid::Uuid::from_u128(0x3f1c_2a9e_7d44_4b0a_9c61_5e2d_8a7b_0c11));

    let read = |id: &ReservationOrderId| alex.read::<ReservationOrderResource>(&reservation_order_path(id));
    let ended = read(&first);
    let p = &ended.properties.reservations[0].properties;
    assert_eq!(p.provisioning_state, ProvisioningState::Expired);
    let renewal = order_of_reservation(p.renew_destination.as_deref().expect("renewed")).unwrap();
    let renewed = read(&renewal);
    let r = &renewed.properties.reservations[0].properties;
    assert_eq!(r.renew_source.as_deref(), Some(reservation_path(&first).as_str()));
    assert_eq!((r.provisioning_state, r.effective_date_time.as_str()), (ProvisioningState::Expired, p.expiry_date_time.as_str()));
    assert_eq!((r.quantity, r.display_name.as_str(), r.renew), (p.quantity, p.display_name.as_str(), true));
    let current = read(&order_of_reservation(r.renew_destination.as_deref().expect("renewed again")).unwrap());
    assert_eq!(current.properties.provisioning_state, ProvisioningState::Succeeded);

    // Each renewal is an order billed to the partner, placed as the first one was.
    let wide_world = ended.properties.customer_id;
    let orders = alex.orders(&wide_world);
    for renewal in [&renewed, &current] {
        let order = orders.iter().find(|o| o.id == renewal.properties.order_id).expect("the renewal's order");
        assert_eq!((order.placed_by.user_type, order.placed_by.user_principal_name.as_str()), (UserType::Customer, "leeg@wideworldimporters.onmicrosoft.com"));
    }
    let plans = alex.savings_plans_of(&alex.customer_id("Litware Inc"));
    assert!(plans.iter().all(|p| p.properties.provisioning_state == ProvisioningState::Succeeded));

    // Kept: after a restart, the same, and nothing renewed twice.
    drop(server);
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    assert_eq!(alex.read::<ReservationOrderResource>(&reservation_order_path(&first)), ended);
    assert_eq!(alex.orders(&wide_world).len(), orders.len());
}
