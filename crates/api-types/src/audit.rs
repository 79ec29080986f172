//! `GET /v1/auditrecords`: the Activity log, as Partner Center's audit records: permission
//! changes, orders (the partner's and the customers' own purchases) and Azure role changes.

use domain::{
    ActivityAction, ActivityDetail, ActivityRecord, AzureSubscriptionId, BenefitId, CustomerId, CustomerUpn,
    CustomerUserId, OrderId, PartnerUserId, PermissionSet, ReservationOrderId, SavingsPlanOrderId, Usd,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::customer_user::AzureRoleName;
use crate::order::{BillingCycleName, ProductType, UserType};
use crate::policy::{permission_set, policy_permissions, PolicyPermission};
use crate::{datetime, Attributes};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResourceType {
    SelfServePolicy,
    Order,
    RoleAssignment,
    /// A customer's reservation, returned, exchanged or updated by the partner (ours).
    Reservation,
    /// A customer's savings plan, updated by the partner (ours).
    SavingsPlan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OperationType {
    /// The first permission was granted (the Activity log's "Create Customer Purchase Permissions").
    CreateSelfServePolicy,
    /// The permissions changed and some remain.
    UpdateSelfServePolicy,
    /// The last permission was revoked.
    DeleteSelfServePolicy,
    /// An order: an Azure plan bought by the partner, or a reservation or savings plan a
    /// customer user bought on their own.
    CreateOrder,
    /// A customer user was given an Azure role (not a Partner Center operation: ours).
    CreateRoleAssignment,
    /// A customer user's Azure role was removed (ours).
    DeleteRoleAssignment,
    /// The partner returned (cancelled) a reservation, refunded (ours).
    CancelReservation,
    /// The partner exchanged a reservation for a new one (ours).
    ExchangeReservation,
    /// The partner changed a reservation's auto-renew (ours).
    UpdateReservation,
    /// The partner changed a savings plan's auto-renew or name (ours).
    UpdateSavingsPlan,
}

impl From<ActivityAction> for OperationType {
    fn from(action: ActivityAction) -> Self {
        match action {
            ActivityAction::CreateCustomerPurchasePermissions => Self::CreateSelfServePolicy,
            ActivityAction::UpdateCustomerPurchasePermissions => Self::UpdateSelfServePolicy,
            ActivityAction::DeleteCustomerPurchasePermissions => Self::DeleteSelfServePolicy,
            ActivityAction::CreateOrder => Self::CreateOrder,
            ActivityAction::CreateRoleAssignment => Self::CreateRoleAssignment,
            ActivityAction::DeleteRoleAssignment => Self::DeleteRoleAssignment,
            ActivityAction::CancelReservation => Self::CancelReservation,
            ActivityAction::ExchangeReservation => Self::ExchangeReservation,
            ActivityAction::UpdateReservation => Self::UpdateReservation,
            ActivityAction::UpdateSavingsPlan => Self::UpdateSavingsPlan,
        }
    }
}

impl From<OperationType> for ActivityAction {
    fn from(operation: OperationType) -> Self {
        match operation {
            OperationType::CreateSelfServePolicy => Self::CreateCustomerPurchasePermissions,
            OperationType::UpdateSelfServePolicy => Self::UpdateCustomerPurchasePermissions,
            OperationType::DeleteSelfServePolicy => Self::DeleteCustomerPurchasePermissions,
            OperationType::CreateOrder => Self::CreateOrder,
            OperationType::CreateRoleAssignment => Self::CreateRoleAssignment,
            OperationType::DeleteRoleAssignment => Self::DeleteRoleAssignment,
            OperationType::CancelReservation => Self::CancelReservation,
            OperationType::ExchangeReservation => Self::ExchangeReservation,
            OperationType::UpdateReservation => Self::UpdateReservation,
            OperationType::UpdateSavingsPlan => Self::UpdateSavingsPlan,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OperationStatus {
    Succeeded,
}

/// What `resourceOldValue` and `resourceNewValue` hold, as JSON text. For a policy: its
/// permissions before and after (`{"permissions":[...]}`). For an order (in the new value):
/// Partner Center's PascalCase keys (`OrderId`, `BillingCycle`, `OfferId-0`, `Quantity-0`,
/// ...) plus `PlacedBy` and `Total`. For a role assignment (in the new value when given, in
/// the old one when removed): `AzureSubscriptionId`, `PrincipalId`, `PrincipalName`,
/// `RoleName`, `RoleDefinitionId`. For a reservation or savings plan (ours): before and after,
/// `ReservationOrderId` or `SavingsPlanOrderId`, `DisplayName`, `Quantity`, `Renew`, and the
/// `Refund` of a return; an exchange's old value is what was returned (with its
/// `ReturnedValue`), its new value the new reservation's order (`NewReservationOrderId` and
/// the order's keys). Keys that do not apply are left out: `{}` is no value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResourceValue {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<PolicyPermission>, required = false))]
    pub permissions: Option<Vec<PolicyPermission>>,
    #[serde(rename = "OrderId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub order_id: Option<OrderId>,
    #[serde(rename = "BillingCycle", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = BillingCycleName, required = false))]
    pub billing_cycle: Option<BillingCycleName>,
    #[serde(rename = "OfferId-0", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub offer_id: Option<String>,
    #[serde(rename = "FriendlyName-0", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub friendly_name: Option<String>,
    #[serde(rename = "Quantity-0", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = u32, required = false))]
    pub quantity: Option<u32>,
    #[serde(rename = "ProductType-0", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = ProductType, required = false))]
    pub product_type: Option<ProductType>,
    /// Who placed the order: a partner or a customer user's sign-in name.
    #[serde(rename = "PlacedBy", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub placed_by: Option<String>,
    /// What the partner is billed, in US dollars.
    #[serde(rename = "Total", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = f64, required = false))]
    pub total: Option<f64>,
    #[serde(rename = "AzureSubscriptionId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub azure_subscription_id: Option<AzureSubscriptionId>,
    #[serde(rename = "PrincipalId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub principal_id: Option<CustomerUserId>,
    #[serde(rename = "PrincipalName", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub principal_name: Option<String>,
    #[serde(rename = "RoleName", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = AzureRoleName, required = false))]
    pub role_name: Option<AzureRoleName>,
    #[serde(rename = "RoleDefinitionId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub role_definition_id: Option<String>,
    #[serde(rename = "ReservationOrderId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub reservation_order_id: Option<ReservationOrderId>,
    #[serde(rename = "SavingsPlanOrderId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub savings_plan_order_id: Option<SavingsPlanOrderId>,
    #[serde(rename = "DisplayName", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub display_name: Option<String>,
    #[serde(rename = "Quantity", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = u32, required = false))]
    pub benefit_quantity: Option<u32>,
    #[serde(rename = "Renew", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = bool, required = false))]
    pub renew: Option<bool>,
    /// In US dollars.
    #[serde(rename = "Refund", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = f64, required = false))]
    pub refund: Option<f64>,
    /// In US dollars.
    #[serde(rename = "ReturnedValue", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = f64, required = false))]
    pub returned_value: Option<f64>,
    #[serde(rename = "NewReservationOrderId", default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub new_reservation_order_id: Option<ReservationOrderId>,
}

/// The name of [`ResourceValue`] in the first releases, which only had policies.
pub type PolicyValue = ResourceValue;

impl ResourceValue {
    /// A policy's permissions.
    pub fn of(permissions: &PermissionSet) -> Self {
        Self { permissions: Some(policy_permissions(permissions)), ..Self::default() }
    }

    /// What a record with `detail` says before and after (`by`: who placed an order).
    pub fn of_detail(action: ActivityAction, detail: &ActivityDetail, by: &str) -> (Self, Self) {
        let benefit = |id: BenefitId, name: &str, quantity: Option<u32>, renew: Option<bool>| {
            let (reservation_order_id, savings_plan_order_id) = match id {
                BenefitId::Reservation(id) => (Some(id), None),
                BenefitId::SavingsPlan(id) => (None, Some(id)),
            };
            Self {
                reservation_order_id,
                savings_plan_order_id,
                display_name: Some(name.to_string()),
                benefit_quantity: quantity,
                renew,
                ..Self::default()
            }
        };
        match detail {
            ActivityDetail::Order { order_id, kind, offer_id, product, quantity, billing_cycle, total } => (
                Self::default(),
                Self {
                    order_id: Some(*order_id),
                    billing_cycle: Some((*billing_cycle).into()),
                    offer_id: Some(offer_id.clone()),
                    friendly_name: Some(product.clone()),
                    quantity: Some(*quantity),
                    product_type: Some((*kind).into()),
                    placed_by: Some(by.to_string()),
                    total: Some(total.as_dollars()),
                    ..Self::default()
                },
            ),
            ActivityDetail::RoleAssignment { azure_subscription_id, principal_id, principal_name, role } => {
                let value = Self {
                    azure_subscription_id: Some(*azure_subscription_id),
                    principal_id: Some(*principal_id),
                    principal_name: Some(principal_name.clone()),
                    role_name: Some((*role).into()),
                    role_definition_id: Some(crate::role_assignment::role_definition_id(azure_subscription_id, *role)),
                    ..Self::default()
                };
                match action {
                    ActivityAction::DeleteRoleAssignment => (value, Self::default()),
                    _ => (Self::default(), value),
                }
            }
            ActivityDetail::Return { reservation, name, quantity_before, quantity_after, refund } => (
                benefit(BenefitId::Reservation(*reservation), name, Some(*quantity_before), None),
                Self { refund: Some(refund.as_dollars()), ..benefit(BenefitId::Reservation(*reservation), name, Some(*quantity_after), None) },
            ),
            ActivityDetail::Exchange {
                returned,
                name,
                quantity_returned,
                returned_value,
                new_reservation,
                order_id,
                product,
                quantity,
                total,
            } => (
                Self {
                    returned_value: Some(returned_value.as_dollars()),
                    ..benefit(BenefitId::Reservation(*returned), name, Some(*quantity_returned), None)
                },
                Self {
                    new_reservation_order_id: Some(*new_reservation),
                    order_id: Some(*order_id),
                    friendly_name: Some(product.clone()),
                    quantity: Some(*quantity),
                    placed_by: Some(by.to_string()),
                    total: Some(total.as_dollars()),
                    ..Self::default()
                },
            ),
            ActivityDetail::Settings { benefit: id, name_before, name_after, renew_before, renew_after } => (
                benefit(*id, name_before, None, Some(*renew_before)),
                benefit(*id, name_after, None, Some(*renew_after)),
            ),
        }
    }

    /// The detail a record of `action` with these values before and after describes, if any.
    pub fn detail(action: ActivityAction, old: &Self, new: &Self) -> Option<ActivityDetail> {
        let benefit_id = |v: &Self| {
            v.reservation_order_id.map(BenefitId::Reservation).or(v.savings_plan_order_id.map(BenefitId::SavingsPlan))
        };
        match action {
            action if action.is_permissions() => None,
            ActivityAction::CreateOrder => Some(ActivityDetail::Order {
                order_id: new.order_id?,
                kind: new.product_type?.into(),
                offer_id: new.offer_id.clone()?,
                product: new.friendly_name.clone()?,
                quantity: new.quantity?,
                billing_cycle: new.billing_cycle?.into(),
                total: Usd::from_dollars(new.total?)?,
            }),
            ActivityAction::CreateRoleAssignment | ActivityAction::DeleteRoleAssignment => {
                let v = if action == ActivityAction::DeleteRoleAssignment { old } else { new };
                Some(ActivityDetail::RoleAssignment {
                    azure_subscription_id: v.azure_subscription_id?,
                    principal_id: v.principal_id?,
                    principal_name: v.principal_name.clone()?,
                    role: v.role_name?.into(),
                })
            }
            ActivityAction::CancelReservation => Some(ActivityDetail::Return {
                reservation: old.reservation_order_id?,
                name: old.display_name.clone()?,
                quantity_before: old.benefit_quantity?,
                quantity_after: new.benefit_quantity?,
                refund: Usd::from_dollars(new.refund?)?,
            }),
            ActivityAction::ExchangeReservation => Some(ActivityDetail::Exchange {
                returned: old.reservation_order_id?,
                name: old.display_name.clone()?,
                quantity_returned: old.benefit_quantity?,
                returned_value: Usd::from_dollars(old.returned_value?)?,
                new_reservation: new.new_reservation_order_id?,
                order_id: new.order_id?,
                product: new.friendly_name.clone()?,
                quantity: new.quantity?,
                total: Usd::from_dollars(new.total?)?,
            }),
            ActivityAction::UpdateReservation | ActivityAction::UpdateSavingsPlan => Some(ActivityDetail::Settings {
                benefit: benefit_id(old)?,
                name_before: old.display_name.clone()?,
                name_after: new.display_name.clone()?,
                renew_before: old.renew?,
                renew_after: new.renew?,
            }),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AuditRecord {
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub partner_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub customer_id: CustomerId,
    pub customer_name: String,
    /// Who made the change: a partner user, or the customer user who bought on their own.
    pub user_principal_name: String,
    /// Whether `userPrincipalName` is a partner or a customer user (this API's addition).
    #[serde(default = "partner_user_type")]
    #[cfg_attr(feature = "openapi", schema(value_type = UserType, required = false))]
    pub user_type: UserType,
    pub resource_type: ResourceType,
    /// A [`ResourceValue`] as JSON text.
    #[cfg_attr(feature = "openapi", schema(example = "{\"permissions\":[]}"))]
    pub resource_old_value: String,
    #[cfg_attr(feature = "openapi", schema(example = "{\"permissions\":[{\"resource\":\"AzureReservedInstances\",\"action\":\"Purchase\"}]}"))]
    pub resource_new_value: String,
    pub operation_type: OperationType,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-11-25T06:30:00Z"))]
    pub operation_date: String,
    pub operation_status: OperationStatus,
    pub application_id: String,
    /// `AuditRecord`.
    pub attributes: Attributes,
}

fn partner_user_type() -> UserType {
    UserType::Partner
}

impl From<ActivityAction> for ResourceType {
    fn from(action: ActivityAction) -> Self {
        match action {
            ActivityAction::CreateCustomerPurchasePermissions
            | ActivityAction::UpdateCustomerPurchasePermissions
            | ActivityAction::DeleteCustomerPurchasePermissions => Self::SelfServePolicy,
            ActivityAction::CreateOrder => Self::Order,
            ActivityAction::CreateRoleAssignment | ActivityAction::DeleteRoleAssignment => Self::RoleAssignment,
            ActivityAction::CancelReservation | ActivityAction::ExchangeReservation | ActivityAction::UpdateReservation => {
                Self::Reservation
            }
            ActivityAction::UpdateSavingsPlan => Self::SavingsPlan,
        }
    }
}

impl AuditRecord {
    /// `to_json` writes a resource value as JSON text (the server's serde_json; the browser
    /// has its own).
    pub fn from_domain(partner: Uuid, record: &ActivityRecord, to_json: impl Fn(&ResourceValue) -> String) -> Self {
        let by = record.user_principal_name();
        let (old, new) = match (&record.detail, record.action) {
            (_, action) if action.is_permissions() => (ResourceValue::of(&record.old_value), ResourceValue::of(&record.new_value)),
            (Some(detail), action) => ResourceValue::of_detail(action, detail, by),
            (None, _) => (ResourceValue::default(), ResourceValue::default()),
        };
        Self {
            id: record.id.to_string(),
            partner_id: partner,
            customer_id: record.customer_id,
            customer_name: record.customer_name.clone(),
            user_principal_name: by.to_string(),
            user_type: if record.partner_user.is_none() && record.customer_user.is_some() {
                UserType::Customer
            } else {
                UserType::Partner
            },
            resource_type: record.action.into(),
            resource_old_value: to_json(&old),
            resource_new_value: to_json(&new),
            operation_type: record.action.into(),
            operation_date: datetime::format(record.at),
            operation_status: OperationStatus::Succeeded,
            application_id: String::new(),
            attributes: Attributes::of("AuditRecord"),
        }
    }

    /// The record as the domain has it, with who made it and what it was about, as the
    /// embedded store has it; `from_json` reads a resource value's JSON text. `None` when
    /// the date or id cannot be read.
    pub fn into_domain(self, from_json: impl Fn(&str) -> Option<ResourceValue>) -> Option<ActivityRecord> {
        let action = ActivityAction::from(self.operation_type);
        let old = from_json(&self.resource_old_value).unwrap_or_default();
        let new = from_json(&self.resource_new_value).unwrap_or_default();
        let permissions = |v: &ResourceValue| v.permissions.as_deref().map(permission_set).unwrap_or_default();
        let (partner_user, customer_user) = match self.user_type {
            UserType::Partner => (Some(PartnerUserId::new(self.user_principal_name)), None),
            UserType::Customer => (None, Some(CustomerUpn::new(&self.user_principal_name))),
        };
        let detail = ResourceValue::detail(action, &old, &new);
        Some(ActivityRecord {
            id: self.id.parse().ok()?,
            at: datetime::parse(&self.operation_date)?,
            customer_id: self.customer_id,
            customer_name: self.customer_name,
            action,
            partner_user,
            customer_user,
            old_value: permissions(&old),
            new_value: permissions(&new),
            detail,
        })
    }
}

/// What `GET /v1/auditrecords` takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct AuditQuery {
    /// The first day, UTC, included (default: 30 days before `endDate`).
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, format = Date, example = "2026-10-26"))]
    pub start_date: Option<String>,
    /// The last day, UTC, included (default: today).
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, format = Date, example = "2026-11-25"))]
    pub end_date: Option<String>,
}
