//! Access control (IAM) of a customer's Azure subscription, in Azure Resource Manager's
//! shape: any partner user and the customer's own users read; partner Admin agents give and
//! remove roles.

use api_types::arm::ArmList;
use api_types::audit::{OperationType, ResourceType, ResourceValue};
use api_types::customer_user::{AzureRoleName, CustomerUser};
use api_types::role_assignment::{role_assignment_path, RoleAssignmentResource};
use api_types::{Collection, ErrorCode};
use domain::{AzureRole, AzureSubscriptionId, CustomerId, CustomerUserId, DomainError, RefusalKind, RoleAssignmentId};
use serde_json::json;
use test_support::{admin, fresh_guid, helpdesk, sales, Client, DataFile, Server};

const COHO: &str = "Coho Winery";

fn users(client: &Client, customer: &CustomerId) -> Vec<CustomerUser> {
    client.read::<Collection<CustomerUser>>(&format!("/v1/customers/{customer}/users")).items
}

fn user_id(client: &Client, customer: &CustomerId, upn: &str) -> CustomerUserId {
    users(client, customer).into_iter().find(|u| u.user_principal_name == upn).map(|u| u.id).expect("the user")
}

/// The customer's first Azure subscription.
fn first_azure(client: &Client, customer: &CustomerId) -> AzureSubscriptionId {
    client.subscriptions(customer).iter().flat_map(|s| s.azure_subscription_ids.clone()).next().expect("an Azure subscription")
}

fn new_id() -> RoleAssignmentId {
    RoleAssignmentId::from_uuid(fresh_guid())
}

#[test]
fn an_admin_agent_assigns_owner_and_removes_it_again() {
    let data = DataFile::new("roles-assign");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let coho = alex.customer_id(COHO);
    let azure = first_azure(&alex, &coho);
    let jon = user_id(&alex, &coho, "jonm@cohowinery.onmicrosoft.com");
    let before = alex.role_assignments(&azure);
    let records = alex.audit().len();

    let id = new_id();
    let created: RoleAssignmentResource = alex.assign_role(&azure, &id, jon, AzureRole::Owner).expect(201);
    assert_eq!(created.name, id);
    assert_eq!(created.resource_type, "Microsoft.Authorization/roleAssignments");
    assert_eq!(created.id, role_assignment_path(&azure, &id));
    assert_eq!(created.properties.scope, format!("/subscriptions/{azure}"));
    assert_eq!(
        created.properties.role_definition_id,
        format!("/subscriptions/{azure}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635")
    );
    assert_eq!((created.properties.principal_id, created.properties.role_name, created.properties.principal_name.as_str()), (jon, AzureRoleName::Owner, "jonm@cohowinery.onmicrosoft.com"));

    // The same PUT again: 200, the same assignment, nothing more logged.
    assert_eq!(alex.assign_role(&azure, &id, jon, AzureRole::Owner).expect::<RoleAssignmentResource>(200), created);
    assert_eq!(alex.role_assignments(&azure).len(), before.len() + 1);
    assert_eq!(alex.read::<RoleAssignmentResource>(&role_assignment_path(&azure, &id)), created);
    // Readiness now has an Owner; the user list shows the role.
    let readiness: api_types::readiness::Readiness = alex.read(&format!("/v1/customers/{coho}/readiness"));
    assert!(readiness.is_ready);
    assert!(users(&alex, &coho).iter().any(|u| u.id == jon && u.azure_roles.iter().any(|r| r.role_name == AzureRoleName::Owner)));

    let records_after = alex.audit();
    assert_eq!(records_after.len(), records + 1);
    let record = &records_after[0];
    assert_eq!((record.operation_type, record.resource_type, record.user_principal_name.as_str()), (OperationType::CreateRoleAssignment, ResourceType::RoleAssignment, admin().upn()));
    let value: ResourceValue = serde_json::from_str(&record.resource_new_value).expect("a resource value");
    assert_eq!((value.role_name, value.principal_name.as_deref()), (Some(AzureRoleName::Owner), Some("jonm@cohowinery.onmicrosoft.com")));
    assert_eq!((value.azure_subscription_id, value.principal_id), (Some(azure), Some(jon)));

    // Removed: 200 with what was removed, then 204.
    assert_eq!(alex.delete(&role_assignment_path(&azure, &id)).expect::<RoleAssignmentResource>(200), created);
    let gone = alex.delete(&role_assignment_path(&azure, &id));
    assert_eq!((gone.status, gone.text.as_str()), (204, ""));
    alex.get(&role_assignment_path(&azure, &id)).assert_arm_error(ErrorCode::UnknownRoleAssignment);
    assert_eq!(alex.role_assignments(&azure), before);
    let record = &alex.audit()[0];
    assert_eq!(record.operation_type, OperationType::DeleteRoleAssignment);
    let old: ResourceValue = serde_json::from_str(&record.resource_old_value).expect("a resource value");
    assert_eq!(old.role_name, Some(AzureRoleName::Owner));
    assert_eq!(alex.audit().len(), records + 2);
}

#[test]
fn who_may_not_assign_is_refused_and_nothing_changes() {
    let data = DataFile::new("roles-refused");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let coho = alex.customer_id(COHO);
    let azure = first_azure(&alex, &coho);
    let jon = user_id(&alex, &coho, "jonm@cohowinery.onmicrosoft.com");
    let before = alex.role_assignments(&azure);
    let records = alex.audit().len();

    // Sales and Helpdesk agents read, but may not assign or remove.
    for user in [sales(), helpdesk()] {
        let client = server.as_user(&user);
        assert_eq!(client.role_assignments(&azure), before);
        let refused = client.assign_role(&azure, &new_id(), jon, AzureRole::Owner);
        refused.assert_arm_error(ErrorCode::Refusal(RefusalKind::NotAllowedToManageRoles));
        assert!(matches!(refused.refusal(), Some(DomainError::NotAllowedToManageRoles { .. })));
        client.delete(&role_assignment_path(&azure, &before[0].name)).assert_arm_error(ErrorCode::Refusal(RefusalKind::NotAllowedToManageRoles));
    }
    // Customer users read their own company's, and may not write.
    let christie = server.client().as_customer("christiec@cohowinery.onmicrosoft.com");
    assert_eq!(christie.role_assignments(&azure), before);
    christie.assign_role(&azure, &new_id(), jon, AzureRole::Owner).assert_arm_error(ErrorCode::Refusal(RefusalKind::PartnerUsersOnly));
    christie.delete(&role_assignment_path(&azure, &before[0].name)).assert_arm_error(ErrorCode::Refusal(RefusalKind::PartnerUsersOnly));
    // Another company's user finds no such subscription.
    let megan = server.client().as_customer("meganb@contoso.onmicrosoft.com");
    megan.get(&format!("/subscriptions/{azure}/providers/Microsoft.Authorization/roleAssignments")).assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownAzureSubscription));
    megan.get(&format!("/subscriptions/{azure}")).assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownAzureSubscription));
    megan.assign_role(&azure, &new_id(), jon, AzureRole::Owner).assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownAzureSubscription));

    // What Azure refuses: a role held already, an assignment changed, a stranger, another role.
    let existing = &before[0];
    let held = alex.assign_role(&azure, &new_id(), existing.properties.principal_id, existing.properties.role_name.into());
    held.assert_arm_error(ErrorCode::Refusal(RefusalKind::RoleAssignmentExists));
    let other_role = if existing.properties.role_name == AzureRoleName::Reader { AzureRole::Owner } else { AzureRole::Reader };
    alex.assign_role(&azure, &existing.name, existing.properties.principal_id, other_role).assert_arm_error(ErrorCode::Refusal(RefusalKind::RoleAssignmentUpdateNotPermitted));
    let megan_id = user_id(&alex, &alex.customer_id("Contoso Ltd"), "meganb@contoso.onmicrosoft.com");
    alex.assign_role(&azure, &new_id(), megan_id, AzureRole::Owner).assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownPrincipal));
    let path = role_assignment_path(&azure, &new_id());
    let body = |role_definition: String| json!({ "properties": { "roleDefinitionId": role_definition, "principalId": jon } });
    alex.put(&path, &body(format!("/subscriptions/{azure}/providers/Microsoft.Authorization/roleDefinitions/00000000-0000-4000-8000-000000000000")))
        .assert_arm_error(ErrorCode::UnknownRoleDefinition);
    alex.put(&path, &body(format!("/subscriptions/{}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635", fresh_guid())))
        .assert_arm_error(ErrorCode::UnknownRoleDefinition);
    // Without the subscription part, and without principalType, it is accepted.
    assert_eq!(alex.put(&path, &body("/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7".to_string())).status, 201);
    alex.get(&format!("/subscriptions/{}/providers/Microsoft.Authorization/roleAssignments", fresh_guid())).assert_arm_error(ErrorCode::Refusal(RefusalKind::UnknownAzureSubscription));
    alex.get("/subscriptions/not-a-guid/providers/Microsoft.Authorization/roleAssignments").assert_arm_error(ErrorCode::BadRequest);

    assert_eq!(alex.role_assignments(&azure).len(), before.len() + 1, "only the last one");
    assert_eq!(alex.audit().len(), records + 1, "only the last one is logged");
}

#[test]
fn azure_subscriptions_as_resource_manager_lists_them() {
    let data = DataFile::new("roles-subscriptions");
    let server = Server::start(&data);
    let alex = server.as_user(&admin());
    let contoso = alex.customer_id("Contoso Ltd");
    let megan = server.client().as_customer("meganb@contoso.onmicrosoft.com");
    let mine = megan.my_azure_subscriptions();
    assert_eq!(mine.len(), 1);
    assert_eq!((mine[0].tenant_id, mine[0].display_name.as_str(), mine[0].offer_id.as_str()), (contoso, "Azure subscription 1", "DZH318Z0BPS6"));
    assert!(mine[0].role_assignments.iter().any(|a| a.properties.principal_name == "meganb@contoso.onmicrosoft.com" && a.properties.role_name == AzureRoleName::Owner));
    // The partner reads the same subscription.
    assert_eq!(alex.azure_subscription(&mine[0].subscription_id), mine[0]);
    // A partner user has no subscriptions of their own to list.
    alex.get("/subscriptions").assert_arm_error(ErrorCode::Refusal(RefusalKind::CustomerUsersOnly));
    // A suspended plan's subscription is listed, disabled.
    let pradeep = server.client().as_customer("pradeepg@woodgrovebank.onmicrosoft.com");
    let suspended = pradeep.my_azure_subscriptions();
    assert_eq!(suspended[0].state, api_types::azure_subscription::SubscriptionState::Disabled);
    // A customer without Azure has none.
    let lynne = server.client().as_customer("lynner@northwindtraders.onmicrosoft.com");
    assert_eq!(lynne.read::<ArmList<api_types::azure_subscription::ArmSubscription>>("/subscriptions").value, vec![]);
    // Unknown routes under /subscriptions answer in Azure's shape too.
    server.client().get("/subscriptions/x/y/z").assert_arm_error(ErrorCode::NotFound);
}
