//! `PUT|GET /providers/Microsoft.Capacity/reservationOrders/{reservationOrderId}` and the
//! list: Azure reservations a customer user buys on their own, billed to the partner, in
//! Azure Resource Manager's shape (plus the price billed and the order, our additions).

use domain::{Benefit, BenefitId, CustomerId, CustomerUpn, OrderId, Region, Reservation, ReservationOrderId, ReservationRequest, VmSize};
use serde::{Deserialize, Serialize};

use crate::datetime;
use crate::purchase::{
    applied_scope_from_wire, applied_scope_to_wire, billing_scope_from_wire, AppliedScopeProperties, AppliedScopeType,
    BilledPrice, BillingPlanName, ProvisioningState, TermName,
};

/// A virtual machine size one can reserve (Azure's `sku.name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum VmSkuName {
    #[serde(rename = "Standard_B2ms")]
    StandardB2ms,
    #[serde(rename = "Standard_D2s_v5")]
    StandardD2sV5,
    #[serde(rename = "Standard_D4s_v5")]
    StandardD4sV5,
    #[serde(rename = "Standard_E4s_v5")]
    StandardE4sV5,
}

impl From<VmSize> for VmSkuName {
    fn from(size: VmSize) -> Self {
        match size {
            VmSize::StandardB2ms => Self::StandardB2ms,
            VmSize::StandardD2sV5 => Self::StandardD2sV5,
            VmSize::StandardD4sV5 => Self::StandardD4sV5,
            VmSize::StandardE4sV5 => Self::StandardE4sV5,
        }
    }
}

impl From<VmSkuName> for VmSize {
    fn from(size: VmSkuName) -> Self {
        match size {
            VmSkuName::StandardB2ms => Self::StandardB2ms,
            VmSkuName::StandardD2sV5 => Self::StandardD2sV5,
            VmSkuName::StandardD4sV5 => Self::StandardD4sV5,
            VmSkuName::StandardE4sV5 => Self::StandardE4sV5,
        }
    }
}

/// An Azure region one can reserve in (Azure's `location`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Location {
    EastUs,
    WestEurope,
    GermanyWestCentral,
}

impl From<Region> for Location {
    fn from(region: Region) -> Self {
        match region {
            Region::EastUs => Self::EastUs,
            Region::WestEurope => Self::WestEurope,
            Region::GermanyWestCentral => Self::GermanyWestCentral,
        }
    }
}

impl From<Location> for Region {
    fn from(location: Location) -> Self {
        match location {
            Location::EastUs => Self::EastUs,
            Location::WestEurope => Self::WestEurope,
            Location::GermanyWestCentral => Self::GermanyWestCentral,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VmSku {
    pub name: VmSkuName,
}

/// What is reserved: virtual machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ReservedResourceType {
    VirtualMachines,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NewReservationOrderProperties {
    pub reserved_resource_type: ReservedResourceType,
    /// The Azure subscription billed: `/subscriptions/{id}`, one of the buyer's own.
    #[cfg_attr(feature = "openapi", schema(
        pattern = "^(/subscriptions/)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        example = "/subscriptions/0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11"))]
    pub billing_scope_id: String,
    pub term: TermName,
    pub billing_plan: BillingPlanName,
    /// How many instances: 1 to 1000.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000, example = 2))]
    #[serde(deserialize_with = "crate::whole_number::u32")]
    pub quantity: u32,
    /// At most 64 characters, no control characters; empty or left out: `VM_RI_{date}`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = false, max_length = 64, pattern = r"^[^\u0000-\u001F\u007F-\u009F]*$", example = "Web front ends"))]
    pub display_name: String,
    pub applied_scope_type: AppliedScopeType,
    /// For a `Single` scope: the subscription (422 without it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = AppliedScopeProperties, required = false))]
    pub applied_scope_properties: Option<AppliedScopeProperties>,
    /// Auto-renew (default: no).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = false))]
    pub renew: bool,
}

/// The body of `PUT /providers/Microsoft.Capacity/reservationOrders/{reservationOrderId}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "sku": { "name": "Standard_D2s_v5" },
    "location": "westeurope",
    "properties": {
        "reservedResourceType": "VirtualMachines",
        "billingScopeId": "/subscriptions/0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11",
        "term": "P1Y",
        "billingPlan": "Monthly",
        "quantity": 2,
        "displayName": "Web front ends",
        "appliedScopeType": "Single",
        "appliedScopeProperties": { "subscriptionId": "/subscriptions/0a6b0c0e-5f43-4f16-a6a4-4c1e2b8f3d11" },
        "renew": true
    }
})))]
pub struct NewReservationOrder {
    pub sku: VmSku,
    pub location: Location,
    pub properties: NewReservationOrderProperties,
}

impl NewReservationOrder {
    /// The body that asks for `request` (its id goes in the URL).
    pub fn from_domain(request: &ReservationRequest) -> Self {
        let (applied_scope_type, applied_scope_properties) = applied_scope_to_wire(&request.scope);
        Self {
            sku: VmSku { name: request.size.into() },
            location: request.region.into(),
            properties: NewReservationOrderProperties {
                reserved_resource_type: ReservedResourceType::VirtualMachines,
                billing_scope_id: crate::arm::subscription_scope(&request.billing_subscription),
                term: request.term.into(),
                billing_plan: request.billing_plan.into(),
                quantity: request.quantity,
                display_name: request.display_name.clone(),
                applied_scope_type,
                applied_scope_properties,
                renew: request.renew,
            },
        }
    }

    /// The request as the domain decides it; `Err` with the reason when the scopes cannot
    /// be read.
    pub fn into_domain(self, id: ReservationOrderId) -> Result<ReservationRequest, String> {
        let p = self.properties;
        Ok(ReservationRequest {
            id,
            size: self.sku.name.into(),
            region: self.location.into(),
            term: p.term.into(),
            billing_plan: p.billing_plan.into(),
            quantity: p.quantity,
            billing_subscription: billing_scope_from_wire(&p.billing_scope_id)?,
            scope: applied_scope_from_wire(p.applied_scope_type, p.applied_scope_properties.as_ref())?,
            renew: p.renew,
            display_name: p.display_name,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReservationProperties {
    pub reserved_resource_type: ReservedResourceType,
    pub quantity: u32,
    pub display_name: String,
    pub applied_scope_type: AppliedScopeType,
    /// `/subscriptions/{id}` of a `Single` scope (empty for `Shared`).
    pub applied_scopes: Vec<String>,
    pub billing_scope_id: String,
    pub term: TermName,
    pub billing_plan: BillingPlanName,
    pub renew: bool,
    pub provisioning_state: ProvisioningState,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-11-25T06:30:00Z"))]
    pub effective_date_time: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2027-11-25T06:30:00Z"))]
    pub expiry_date_time: String,
    /// The reservation this one renews (its id), when it was bought as a renewal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub renew_source: Option<String>,
    /// The reservation (its id) that renewed this one at its expiry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub renew_destination: Option<String>,
}

/// The reservation in an order (one per order here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReservationResource {
    /// `/providers/Microsoft.Capacity/reservationOrders/{orderId}/reservations/{reservationId}`.
    pub id: String,
    /// `{reservationOrderId}/{reservationId}`.
    pub name: String,
    /// `Microsoft.Capacity/reservationOrders/reservations`.
    #[serde(rename = "type")]
    pub resource_type: String,
    pub sku: VmSku,
    pub location: Location,
    pub properties: ReservationProperties,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct ReservationOrderProperties {
    pub display_name: String,
    pub provisioning_state: ProvisioningState,
    pub term: TermName,
    pub billing_plan: BillingPlanName,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-11-25T06:30:00Z"))]
    pub created_date_time: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-11-25T06:30:00Z"))]
    pub benefit_start_time: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2027-11-25T06:30:00Z"))]
    pub expiry_date_time: String,
    pub original_quantity: u32,
    pub reservations: Vec<ReservationResource>,
    /// The customer who bought it (this API's addition).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub customer_id: CustomerId,
    /// The Partner Center order the partner is billed by (this API's addition).
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub order_id: OrderId,
    /// The customer user who bought it (this API's addition).
    pub purchased_by: String,
    /// What the partner is billed (this API's addition).
    pub billed_price: BilledPrice,
    /// Who placed its order: the customer user, or the partner's staff (an exchange); this
    /// API's addition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = crate::order::PlacedBy, required = false))]
    pub placed_by: Option<crate::order::PlacedBy>,
    /// The customer's company name (this API's addition).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, required = false))]
    pub customer_name: Option<String>,
}

/// A reservation order, as Azure Resource Manager answers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReservationOrderResource {
    /// `/providers/Microsoft.Capacity/reservationOrders/{reservationOrderId}`.
    pub id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub name: ReservationOrderId,
    /// `Microsoft.Capacity/reservationOrders`.
    #[serde(rename = "type")]
    pub resource_type: String,
    pub properties: ReservationOrderProperties,
}

impl ReservationResource {
    /// The one reservation of an order.
    pub fn from_domain(r: &Reservation) -> Self {
        let (applied_scope_type, applied) = applied_scope_to_wire(&r.scope);
        let applied_scopes = applied.and_then(|a| a.subscription_id).into_iter().collect();
        let reservation = r.id.reservation_id();
        Self {
            id: crate::reservation_lifecycle::reservation_path(&r.id),
            name: format!("{}/{reservation}", r.id),
            resource_type: "Microsoft.Capacity/reservationOrders/reservations".to_string(),
            sku: VmSku { name: r.size.into() },
            location: r.region.into(),
            properties: ReservationProperties {
                reserved_resource_type: ReservedResourceType::VirtualMachines,
                quantity: r.quantity,
                display_name: r.display_name.clone(),
                applied_scope_type,
                applied_scopes,
                billing_scope_id: crate::arm::subscription_scope(&r.billing_subscription),
                term: r.term.into(),
                billing_plan: r.billing_plan.into(),
                renew: r.renew,
                provisioning_state: r.status.into(),
                effective_date_time: datetime::format(r.effective),
                expiry_date_time: datetime::format(r.expiry),
                renew_source: r.renewed_from.and_then(reservation_id_path),
                renew_destination: r.renewed_as.and_then(reservation_id_path),
            },
        }
    }
}

impl ReservationOrderResource {
    /// With who placed its order and the customer's name (what the partner's lists show).
    pub fn with_origin(mut self, placed_by: &domain::PlacedBy, customer_name: &str) -> Self {
        self.properties.placed_by = Some(crate::order::PlacedBy::from_domain(placed_by));
        self.properties.customer_name = Some(customer_name.to_string());
        self
    }

    pub fn from_domain(r: &Reservation) -> Self {
        let path = reservation_order_path(&r.id);
        Self {
            id: path.clone(),
            name: r.id,
            resource_type: "Microsoft.Capacity/reservationOrders".to_string(),
            properties: ReservationOrderProperties {
                display_name: r.display_name.clone(),
                provisioning_state: r.status.into(),
                term: r.term.into(),
                billing_plan: r.billing_plan.into(),
                created_date_time: datetime::format(r.effective),
                benefit_start_time: datetime::format(r.effective),
                expiry_date_time: datetime::format(r.expiry),
                original_quantity: r.quantity,
                reservations: vec![ReservationResource::from_domain(r)],
                customer_id: r.customer_id,
                order_id: r.order_id,
                purchased_by: r.purchased_by.as_str().to_string(),
                billed_price: BilledPrice::from_domain(&r.price),
                placed_by: None,
                customer_name: None,
            },
        }
    }

    /// The reservation as the domain has it; `None` when something in it cannot be read.
    /// A purchase as the partner's lists give it (who placed its order, the customer's
    /// name); a list item without them was placed by its buyer.
    pub fn into_purchased(self) -> Option<domain::PurchasedBenefit> {
        let (placed_by, customer_name) = (self.properties.placed_by.clone(), self.properties.customer_name.clone());
        let reservation = self.into_domain()?;
        Some(crate::purchase::purchased(domain::BenefitItem::Reservation(reservation), placed_by, customer_name))
    }

    pub fn into_domain(self) -> Option<Reservation> {
        let p = self.properties;
        let first = p.reservations.into_iter().next()?;
        let scope_properties = AppliedScopeProperties { subscription_id: first.properties.applied_scopes.into_iter().next() };
        Some(Reservation {
            id: self.name,
            benefit: Benefit {
                customer_id: p.customer_id,
                order_id: p.order_id,
                display_name: p.display_name,
                term: p.term.into(),
                billing_plan: p.billing_plan.into(),
                billing_subscription: billing_scope_from_wire(&first.properties.billing_scope_id).ok()?,
                scope: applied_scope_from_wire(first.properties.applied_scope_type, Some(&scope_properties)).ok()?,
                renew: first.properties.renew,
                status: p.provisioning_state.into(),
                effective: datetime::parse(&p.benefit_start_time)?,
                expiry: datetime::parse(&p.expiry_date_time)?,
                purchased_by: CustomerUpn::new(&p.purchased_by),
                price: p.billed_price.into_domain()?,
                renewed_from: first.properties.renew_source.as_deref().and_then(crate::reservation_lifecycle::order_of_reservation).map(BenefitId::Reservation),
                renewed_as: first.properties.renew_destination.as_deref().and_then(crate::reservation_lifecycle::order_of_reservation).map(BenefitId::Reservation),
            },
            size: first.sku.name.into(),
            region: first.location.into(),
            quantity: p.original_quantity,
        })
    }
}

/// A reservation's id (its path), when `id` names one.
fn reservation_id_path(id: BenefitId) -> Option<String> {
    match id {
        BenefitId::Reservation(order) => Some(crate::reservation_lifecycle::reservation_path(&order)),
        BenefitId::SavingsPlan(_) => None,
    }
}

/// `/providers/Microsoft.Capacity/reservationOrders`.
pub const RESERVATION_ORDERS_PATH: &str = "/providers/Microsoft.Capacity/reservationOrders";

/// `/providers/Microsoft.Capacity/reservationOrders/{reservationOrderId}`.
pub fn reservation_order_path(id: &ReservationOrderId) -> String {
    format!("{RESERVATION_ORDERS_PATH}/{id}")
}

/// What `GET /providers/Microsoft.Capacity/reservationOrders` (and the savings plans' list)
/// takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct PurchasesQuery {
    /// Whose purchases (this API's addition): without it, a partner user's list has every
    /// customer's purchases, a customer user's their own company's (another customer's: 404).
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, format = Uuid))]
    pub customer_id: Option<String>,
    /// Where the page starts: as the previous page's `nextLink` gives it.
    #[serde(rename = "$skiptoken")]
    #[cfg_attr(feature = "openapi", param(rename = "$skiptoken", value_type = Option<String>, pattern = "^[0-9]{1,9}$"))]
    pub skip_token: Option<String>,
}

/// How many purchases a page of a list holds.
pub const PURCHASES_PAGE: usize = 100;

