//! SelfServePolicy as an API client meets it: grant, change, revoke, and every refusal.

use api_types::audit::{OperationStatus, OperationType, PolicyValue, ResourceType};
use api_types::demo::{DemoUser, Role};
use api_types::policy::{policy_id, EtagAttributes, PolicyUpdate, SelfServePolicy};
use api_types::{Attributes, Collection, ErrorCode};
use domain::{Permission, PermissionSet, RefusalKind};
use test_support::{admin, admin_2, helpdesk, sales, users, Client, DataFile, Request, Server};

use Permission::{AzureReservations as Reservations, AzureSavingsPlan as SavingsPlan};

const FABRIKAM: &str = "Fabrikam Inc";
const CONTOSO: &str = "Contoso Ltd";

fn set(permissions: &[Permission]) -> PermissionSet {
    permissions.iter().copied().collect()
}

fn listed(client: &Client, customer: &domain::CustomerId) -> Collection<SelfServePolicy> {
    client.read(&format!("/v1/SelfServePolicy?entity_id={customer}"))
}

#[test]
fn grant_update_revoke_and_regrant_are_logged_as_create_update_delete_create() {
    let data = DataFile::new("lifecycle");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let partner = alex.partner().tenant_id;
    let fabrikam = alex.customer_id(FABRIKAM);
    let path = alex.policy_path(&fabrikam);
    let before = alex.audit().len();

    // Off by default: no policy.
    alex.get(&path).assert_error(ErrorCode::PolicyNotFound);
    let none = listed(&alex, &fabrikam);
    assert_eq!((none.total_count, none.items.len()), (0, 0));
    assert_eq!(none.attributes, Attributes::of("Collection"));

    // Grant reservations.
    let created: SelfServePolicy = alex.post_policy(&fabrikam, &[Reservations]).expect(201);
    assert_eq!(created.id, policy_id(partner, &fabrikam));
    assert_eq!(created.customer(), fabrikam);
    assert_eq!(created.grantor.tenant_id, Some(partner));
    assert_eq!(created.permission_set(), set(&[Reservations]));
    assert_eq!(created.attributes.object_type, "SelfServePolicy");
    let etag = created.attributes.etag.clone();
    assert!(
        etag.len() > 2 && etag.starts_with('"') && etag.ends_with('"'),
        "{etag}"
    );

    let read = alex.get(&path);
    assert_eq!(read.status, 200);
    assert_eq!(read.header("etag"), Some(etag.as_str()));
    assert_eq!(read.body::<SelfServePolicy>(), created);
    let one = listed(&alex, &fabrikam);
    assert_eq!((one.total_count, one.items), (1, vec![created.clone()]));

    // Add savings plan with the etag just read: an update, with a new etag.
    let updated: SelfServePolicy = alex
        .put(
            &path,
            &PolicyUpdate::new(&created, &set(&[Reservations, SavingsPlan])),
        )
        .expect(200);
    assert_eq!(updated.permission_set(), set(&[Reservations, SavingsPlan]));
    assert_ne!(updated.attributes.etag, etag);

    // Revoke: the policy is gone.
    let diego = server.as_user(&admin_2());
    assert_eq!(diego.delete(&path).status, 204);
    alex.get(&path).assert_error(ErrorCode::PolicyNotFound);
    alex.delete(&path).assert_error(ErrorCode::PolicyNotFound);

    // Re-grant: a create again.
    assert_eq!(alex.post_policy(&fabrikam, &[SavingsPlan]).status, 201);

    let records = alex.audit();
    assert_eq!(records.len(), before + 4, "one record per real change");
    let ours: Vec<_> = records.iter().take(4).rev().collect();
    let operations: Vec<_> = ours.iter().map(|r| r.operation_type).collect();
    use OperationType::{
        CreateSelfServePolicy as Create, DeleteSelfServePolicy as Delete,
        UpdateSelfServePolicy as Update,
    };
    assert_eq!(operations, [Create, Update, Delete, Create]);
    for record in &ours {
        assert_eq!(record.customer_id, fabrikam);
        assert_eq!(record.customer_name, FABRIKAM);
        assert_eq!(record.partner_id, partner);
        assert_eq!(record.operation_status, OperationStatus::Succeeded);
        assert_eq!(record.resource_type, ResourceType::SelfServePolicy);
        assert!(
            api_types::datetime::parse(&record.operation_date).is_some(),
            "{}",
            record.operation_date
        );
    }
    assert_eq!(ours[0].user_principal_name, admin().upn());
    assert_eq!(ours[2].user_principal_name, admin_2().upn());
    let value = |text: &str| {
        serde_json::from_str::<PolicyValue>(text)
            .expect("a policy's JSON")
            .permissions
            .map_or(0, |p| p.len())
    };
    assert_eq!(
        (
            value(&ours[2].resource_old_value),
            value(&ours[2].resource_new_value)
        ),
        (2, 0)
    );
}

#[test]
fn sales_and_helpdesk_agents_are_refused_with_403_and_nothing_changes_or_is_logged() {
    let data = DataFile::new("forbidden");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let fabrikam = alex.customer_id(FABRIKAM);
    let contoso = alex.customer_id(CONTOSO);
    let contoso_path = alex.policy_path(&contoso);
    let contoso_before: SelfServePolicy = alex.read(&contoso_path);
    let log_before = alex.audit();

    for agent in [sales(), helpdesk()] {
        let agent = server.as_user(&agent);
        agent
            .post_policy(&fabrikam, &[Reservations])
            .assert_error(ErrorCode::Refusal(RefusalKind::NotAdminAgent));
        agent
            .put(
                &contoso_path,
                &PolicyUpdate::new(&contoso_before, &set(&[SavingsPlan])),
            )
            .assert_error(ErrorCode::Refusal(RefusalKind::NotAdminAgent));
        agent
            .delete(&contoso_path)
            .assert_error(ErrorCode::Refusal(RefusalKind::NotAdminAgent));
        // They may read.
        assert_eq!(agent.read::<SelfServePolicy>(&contoso_path), contoso_before);
    }

    assert_eq!(listed(&alex, &fabrikam).total_count, 0);
    assert_eq!(alex.read::<SelfServePolicy>(&contoso_path), contoso_before);
    assert_eq!(alex.audit(), log_before);
}

#[test]
fn without_a_known_token_every_route_but_the_open_ones_answers_401() {
    let data = DataFile::new("unauthorized");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let fabrikam = alex.customer_id(FABRIKAM);
    let log_before = alex.audit();
    for client in [
        server.client(),
        server.client().with_token("not-a-demo-token"),
    ] {
        for path in [
            "/v1/customers".to_string(),
            format!("/v1/customers/{fabrikam}"),
            format!("/v1/customers/{fabrikam}/users"),
            format!("/v1/customers/{fabrikam}/subscriptions"),
            format!("/v1/customers/{fabrikam}/readiness"),
            "/v1/SelfServePolicy".to_string(),
            "/v1/auditrecords".to_string(),
            "/v1/partner".to_string(),
            "/v1/me".to_string(),
        ] {
            client.get(&path).assert_error(ErrorCode::Unauthorized);
        }
        client
            .post_policy(&fabrikam, &[SavingsPlan])
            .assert_error(ErrorCode::Unauthorized);
        client
            .post(
                "/v1/customers",
                &test_support::new_customer("No Token", "notoken"),
            )
            .assert_error(ErrorCode::Unauthorized);
    }
    let basic = Request::new("GET", "/v1/customers")
        .header("Authorization", &format!("Basic {}", admin().token));
    server
        .client()
        .send(basic)
        .assert_error(ErrorCode::Unauthorized);
    assert_eq!(alex.audit(), log_before);

    // The demo users and their tokens are open to all.
    let demo: Collection<DemoUser> = server.client().read("/v1/demo/users");
    assert_eq!(demo.total_count, users().len());
    let tokens: Vec<_> = demo.items.iter().map(|u| u.token.clone()).collect();
    assert_eq!(
        tokens,
        users().into_iter().map(|u| u.token).collect::<Vec<_>>()
    );
    assert_eq!(
        demo.items
            .iter()
            .map(DemoUser::to_domain)
            .collect::<Vec<_>>(),
        users()
            .into_iter()
            .map(|u| u.partner_user)
            .collect::<Vec<_>>()
    );
    let me: DemoUser = server.as_user(&sales()).read("/v1/me");
    assert_eq!(
        (
            me.role,
            me.role_name.as_str(),
            me.may_change_customer_permissions
        ),
        (Role::SalesAgent, "Sales agent", false)
    );
    assert_eq!(me.user_principal_name, sales().upn());
}

#[test]
fn a_stale_etag_is_refused_with_412_and_the_newer_change_stays() {
    let data = DataFile::new("stale");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id(CONTOSO);
    let path = alex.policy_path(&contoso);
    let first_read: SelfServePolicy = alex.read(&path);

    // Diego changes it first.
    let diego = server.as_user(&admin_2());
    assert_eq!(
        diego
            .put(
                &path,
                &PolicyUpdate::new(&first_read, &set(&[Reservations, SavingsPlan]))
            )
            .status,
        200
    );
    let log_before = alex.audit();

    // Alex sends his change on the copy he read before: refused, in the body or If-Match.
    let alex_change = PolicyUpdate::new(&first_read, &set(&[SavingsPlan]));
    alex.put(&path, &alex_change)
        .assert_error(ErrorCode::Refusal(RefusalKind::StaleEtag));
    let stale = first_read.attributes.etag.as_str();
    let no_body_etag = PolicyUpdate {
        attributes: None,
        ..alex_change.clone()
    };
    alex.send(
        Request::new("PUT", &path)
            .header("If-Match", stale)
            .json(&no_body_etag),
    )
    .assert_error(ErrorCode::Refusal(RefusalKind::StaleEtag));
    // If-Match wins over the body's etag; without its quotes, or weak, it is the same etag.
    let current: SelfServePolicy = alex.read(&path);
    let unquoted = stale.trim_matches('"');
    alex.send(
        Request::new("PUT", &path)
            .header("If-Match", unquoted)
            .json(&PolicyUpdate::new(&current, &set(&[SavingsPlan]))),
    )
    .assert_error(ErrorCode::Refusal(RefusalKind::StaleEtag));
    alex.send(
        Request::new("PUT", &path)
            .header("If-Match", &format!("W/{stale}"))
            .json(&no_body_etag),
    )
    .assert_error(ErrorCode::Refusal(RefusalKind::StaleEtag));
    alex.send(Request::new("DELETE", &path).header("If-Match", stale))
        .assert_error(ErrorCode::Refusal(RefusalKind::StaleEtag));
    // Without any etag a PUT is refused too: it could overwrite unseen (the schema asks for it).
    alex.put(&path, &no_body_etag)
        .assert_error(ErrorCode::BadRequest);

    let now: SelfServePolicy = alex.read(&path);
    assert_eq!(now.permission_set(), set(&[Reservations, SavingsPlan]));
    assert_eq!(now, current);
    assert_eq!(alex.audit(), log_before);

    // The current etag, in If-Match without quotes, goes through; `*` means whatever it is.
    let current_etag = current.attributes.etag.trim_matches('"').to_string();
    let changed: SelfServePolicy = alex
        .send(
            Request::new("PUT", &path)
                .header("If-Match", &current_etag)
                .json(&no_body_etag),
        )
        .expect(200);
    assert_eq!(changed.permission_set(), set(&[SavingsPlan]));
    assert_eq!(
        alex.send(Request::new("DELETE", &path).header("If-Match", "*"))
            .status,
        204
    );
    assert_eq!(alex.audit().len(), log_before.len() + 2);
}

#[test]
fn a_put_whose_body_names_another_policy_is_422_and_changes_nothing() {
    let data = DataFile::new("put-422");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id(CONTOSO);
    let fabrikam = alex.customer_id(FABRIKAM);
    let path = alex.policy_path(&contoso);
    let read: SelfServePolicy = alex.read(&path);
    let log_before = alex.audit();

    let change = PolicyUpdate::new(&read, &set(&[SavingsPlan]));
    let other_id = PolicyUpdate {
        id: Some(policy_id(alex.partner().tenant_id, &fabrikam)),
        ..change.clone()
    };
    alex.put(&path, &other_id)
        .assert_error(ErrorCode::Unprocessable);
    let mut other_entity = change.clone();
    if let Some(entity) = other_entity.self_serve_entity.as_mut() {
        entity.tenant_id = fabrikam;
    }
    alex.put(&path, &other_entity)
        .assert_error(ErrorCode::Unprocessable);
    // Upper-case hex in the body's id names the same policy.
    let upper = PolicyUpdate {
        id: change.id.as_ref().map(|id| id.to_uppercase()),
        ..change.clone()
    };
    assert_eq!(alex.put(&path, &upper).status, 200);
    alex.put(&path, &change).assert_error(ErrorCode::Refusal(RefusalKind::StaleEtag));

    let after: SelfServePolicy = alex.read(&path);
    assert_eq!(after.permission_set(), set(&[SavingsPlan]));
    assert_eq!(
        alex.audit().len(),
        log_before.len() + 1,
        "only the consistent PUT"
    );
}

#[test]
fn unknown_customers_and_policies_get_their_own_404_codes() {
    let data = DataFile::new("notfound");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let partner = alex.partner().tenant_id;
    let stranger = "00000000-0000-4000-8000-000000000001";
    let fabrikam = alex.customer_id(FABRIKAM);

    for path in ["", "/subscriptions", "/readiness", "/users"] {
        alex.get(&format!("/v1/customers/{stranger}{path}"))
            .assert_error(ErrorCode::Refusal(RefusalKind::UnknownCustomer));
        alex.get(&format!("/v1/customers/not-a-guid{path}"))
            .assert_error(ErrorCode::Refusal(RefusalKind::InvalidCustomerId));
    }
    let unknown = domain::CustomerId::parse(stranger).expect("a GUID");
    alex.post_policy(&unknown, &[SavingsPlan])
        .assert_error(ErrorCode::Refusal(RefusalKind::UnknownCustomer));
    let not_a_guid = serde_json::json!({
        "selfServeEntity": { "tenantID": "not-a-guid" },
        "permissions": [{ "resource": "AzureSavingsPlan", "action": "Purchase" }],
    });
    alex.post("/v1/SelfServePolicy", &not_a_guid)
        .assert_error(ErrorCode::BadRequest);
    alex.get(&format!("/v1/SelfServePolicy?entity_id={stranger}"))
        .assert_error(ErrorCode::Refusal(RefusalKind::UnknownCustomer));

    for id in [
        format!("{partner}_{stranger}"),
        format!("{partner}_{fabrikam}"),
        format!("{stranger}_{fabrikam}"),
        "garbage".to_string(),
    ] {
        let path = format!("/v1/SelfServePolicy/{id}");
        alex.get(&path).assert_error(ErrorCode::PolicyNotFound);
        alex.delete(&path).assert_error(ErrorCode::PolicyNotFound);
        let body = PolicyUpdate {
            id: None,
            self_serve_entity: None,
            grantor: None,
            permissions: api_types::policy::policy_permissions(&set(&[SavingsPlan])),
            attributes: Some(EtagAttributes {
                etag: "\"1\"".to_string(),
            }),
        };
        alex.put(&path, &body)
            .assert_error(ErrorCode::PolicyNotFoundForUpdate);
    }
}

#[test]
fn a_second_post_for_the_same_customer_is_a_409_conflict() {
    let data = DataFile::new("conflict");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let fabrikam = alex.customer_id(FABRIKAM);
    assert_eq!(alex.post_policy(&fabrikam, &[Reservations]).status, 201);
    let log_before = alex.audit();
    alex.post_policy(&fabrikam, &[SavingsPlan])
        .assert_error(ErrorCode::PolicyExists);
    assert_eq!(
        alex.policy_of(&fabrikam).map(|p| p.permission_set()),
        Some(set(&[Reservations]))
    );
    assert_eq!(alex.audit(), log_before);
}

#[test]
fn a_post_retried_with_the_same_request_id_answers_the_same_and_creates_nothing_new() {
    let data = DataFile::new("idempotent");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let fabrikam = alex.customer_id(FABRIKAM);
    let request_id = "5a1b2c3d-0000-4000-8000-00000000abcd";
    let post = || {
        Request::new("POST", "/v1/SelfServePolicy")
            .header("MS-RequestId", request_id)
            .header("MS-CorrelationId", "corr-42")
            .json(&api_types::policy::NewPolicy::new(
                fabrikam,
                &set(&[Reservations]),
            ))
    };
    let first = alex.send(post());
    let created: SelfServePolicy = first.expect(201);
    assert_eq!(first.header("ms-requestid"), Some(request_id));
    assert_eq!(first.header("ms-correlationid"), Some("corr-42"));
    let log_after_first = alex.audit();

    let retry = alex.send(post());
    assert_eq!(retry.expect::<SelfServePolicy>(201), created);
    assert_eq!(retry.header("ms-requestid"), Some(request_id));
    assert_eq!(alex.audit(), log_after_first);

    // The reply is remembered across a restart too.
    drop(server);
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    assert_eq!(alex.send(post()).expect::<SelfServePolicy>(201), created);
    // A new request id is a new request: the policy exists now.
    alex.post_policy(&fabrikam, &[Reservations])
        .assert_error(ErrorCode::PolicyExists);
    // Who may not change permissions gets no copy of the reply.
    server
        .as_user(&sales())
        .send(post())
        .assert_error(ErrorCode::Refusal(RefusalKind::NotAdminAgent));
}
