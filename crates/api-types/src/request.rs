//! A customer's requests to the partner, to exchange, cancel or renew a purchase (this API's
//! addition under `/v1`; Partner Center has no such resource). A customer user makes one; the
//! partner approves it by doing what it asks (the Azure call names it: `?approvesRequest=`)
//! or declines it with a reason.

use domain::{
    BenefitId, CustomerId, CustomerRequest, CustomerUpn, PartnerUserId, RequestId, RequestKind, RequestStatus,
    ReservationOrderId, SavingsPlanOrderId,
};
use serde::{Deserialize, Serialize};

use crate::datetime;

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RequestKindName {
    /// Exchange the reservation for another.
    Exchange,
    /// Cancel (return) the reservation, refunded.
    Cancel,
    /// Turn auto-renew on.
    RenewOn,
    /// Turn auto-renew off.
    RenewOff,
}

impl From<RequestKind> for RequestKindName {
    fn from(kind: RequestKind) -> Self {
        match kind {
            RequestKind::Exchange => Self::Exchange,
            RequestKind::Cancel => Self::Cancel,
            RequestKind::Renew { on: true } => Self::RenewOn,
            RequestKind::Renew { on: false } => Self::RenewOff,
        }
    }
}

impl From<RequestKindName> for RequestKind {
    fn from(kind: RequestKindName) -> Self {
        match kind {
            RequestKindName::Exchange => Self::Exchange,
            RequestKindName::Cancel => Self::Cancel,
            RequestKindName::RenewOn => Self::Renew { on: true },
            RequestKindName::RenewOff => Self::Renew { on: false },
        }
    }
}

/// Which purchase: a reservation order or a savings plan order (one of the two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct BenefitRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub reservation_order_id: Option<ReservationOrderId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid, required = false))]
    pub savings_plan_order_id: Option<SavingsPlanOrderId>,
}

impl BenefitRef {
    pub fn of(benefit: BenefitId) -> Self {
        match benefit {
            BenefitId::Reservation(id) => Self { reservation_order_id: Some(id), savings_plan_order_id: None },
            BenefitId::SavingsPlan(id) => Self { reservation_order_id: None, savings_plan_order_id: Some(id) },
        }
    }

    /// The purchase named; `None` unless exactly one is.
    pub fn benefit(&self) -> Option<BenefitId> {
        match (self.reservation_order_id, self.savings_plan_order_id) {
            (Some(id), None) => Some(BenefitId::Reservation(id)),
            (None, Some(id)) => Some(BenefitId::SavingsPlan(id)),
            _ => None,
        }
    }
}

/// The body of `POST /v1/customers/{id}/requests` (a customer user of that customer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d",
    "benefit": { "reservationOrderId": "3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11" },
    "kind": "Cancel",
    "note": "The workload moved to containers."
})))]
#[serde(rename_all = "camelCase")]
pub struct NewRequest {
    /// A new GUID, chosen by the client: asking again with it makes nothing new.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: RequestId,
    pub benefit: BenefitRef,
    pub kind: RequestKindName,
    /// At most 500 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500, required = false))]
    pub note: String,
}

/// The body of `POST /v1/customers/{id}/requests/{requestId}/decline`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({ "reason": "The term ends next month anyway." })))]
pub struct DeclineRequest {
    /// Why: 1 to 500 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 500))]
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RequestStatusName {
    Pending,
    Approved,
    Declined,
}

/// A customer's request, as the partner and the customer read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Request {
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: RequestId,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub customer_id: CustomerId,
    pub customer_name: String,
    pub benefit: BenefitRef,
    /// The purchase's name when it was asked.
    pub benefit_name: String,
    pub kind: RequestKindName,
    pub note: String,
    /// The customer user who asked.
    pub requested_by: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-12-01T10:00:00Z"))]
    pub created_date_time: String,
    pub status: RequestStatusName,
    /// The partner user who approved or declined it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(format = DateTime))]
    pub decided_date_time: Option<String>,
    /// Why it was declined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Request {
    pub fn from_domain(request: &CustomerRequest) -> Self {
        let (status, decided_by, decided_at, reason) = match &request.status {
            RequestStatus::Pending => (RequestStatusName::Pending, None, None, None),
            RequestStatus::Approved { by, at } => (RequestStatusName::Approved, Some(by), Some(*at), None),
            RequestStatus::Declined { by, at, reason } => (RequestStatusName::Declined, Some(by), Some(*at), Some(reason.clone())),
        };
        Self {
            id: request.id,
            customer_id: request.customer_id,
            customer_name: request.customer_name.clone(),
            benefit: BenefitRef::of(request.benefit),
            benefit_name: request.benefit_name.clone(),
            kind: request.kind.into(),
            note: request.note.clone(),
            requested_by: request.requested_by.as_str().to_string(),
            created_date_time: datetime::format(request.at),
            status,
            decided_by: decided_by.map(|by| by.as_str().to_string()),
            decided_date_time: decided_at.map(datetime::format),
            reason,
        }
    }

    /// The request as the domain has it; `None` when something cannot be read.
    pub fn into_domain(self) -> Option<CustomerRequest> {
        let decided = || Some((PartnerUserId::new(self.decided_by.clone()?), datetime::parse(self.decided_date_time.as_deref()?)?));
        let status = match self.status {
            RequestStatusName::Pending => RequestStatus::Pending,
            RequestStatusName::Approved => {
                let (by, at) = decided()?;
                RequestStatus::Approved { by, at }
            }
            RequestStatusName::Declined => {
                let (by, at) = decided()?;
                RequestStatus::Declined { by, at, reason: self.reason.clone().unwrap_or_default() }
            }
        };
        Some(CustomerRequest {
            id: self.id,
            customer_id: self.customer_id,
            customer_name: self.customer_name,
            benefit: self.benefit.benefit()?,
            benefit_name: self.benefit_name,
            kind: self.kind.into(),
            note: self.note,
            requested_by: CustomerUpn::new(&self.requested_by),
            at: datetime::parse(&self.created_date_time)?,
            status,
        })
    }
}

/// What the lists of requests take (`GET /v1/requests`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
#[serde(rename_all = "camelCase")]
pub struct ApprovesQuery {
    /// The customer's request this does (approving it): this API's addition to Azure's
    /// routes.
    #[cfg_attr(feature = "openapi", param(value_type = Option<String>, format = Uuid))]
    pub approves_request: Option<String>,
}
