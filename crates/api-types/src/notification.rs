//! The partner's notifications (this API's addition under `/v1`; Partner Center tells a
//! partner nothing of a customer's own purchase): `GET /v1/notifications`, the caller's,
//! newest first, with read flags and the unread count; `POST /v1/notifications/read`, to
//! mark some, or all, read. Partner users only, each with their own read state.

use domain::{
    BenefitId, CustomerId, CustomerUpn, MarkRead, NotificationAbout, NotificationFeed, NotificationId, OrderId, RequestId,
    Usd,
};
use serde::{Deserialize, Serialize};

use crate::datetime;
use crate::request::{BenefitRef, RequestKindName};

/// What a notification tells of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum NotificationKind {
    /// A customer user bought a reservation or a savings plan on their own.
    Purchase,
    /// A customer user asked the partner to exchange, cancel or renew a purchase.
    Request,
}

/// One notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    /// The id of what it tells of: the purchase's order, or the request.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub id: NotificationId,
    pub kind: NotificationKind,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Uuid))]
    pub customer_id: CustomerId,
    pub customer_name: String,
    /// The customer user who bought or asked.
    pub created_by: String,
    #[cfg_attr(feature = "openapi", schema(format = DateTime, example = "2026-12-01T10:00:00Z"))]
    pub created_date_time: String,
    /// Whether the caller marked it read.
    pub read: bool,
    /// The purchase bought, or the one the request is about.
    pub benefit: BenefitRef,
    /// The purchase's name (when asked, for a request).
    pub benefit_name: String,
    /// A purchase's order, in the customer's order history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Uuid))]
    pub order_id: Option<OrderId>,
    /// A purchase's product, as its order names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// What a purchase's order bills the partner, in `currencyCode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// A request's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Uuid))]
    pub request_id: Option<RequestId>,
    /// What a request asks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_kind: Option<RequestKindName>,
}

impl Notification {
    pub fn from_domain(n: &domain::Notification) -> Self {
        let mut wire = Self {
            id: n.id,
            kind: NotificationKind::Purchase,
            customer_id: n.customer_id,
            customer_name: n.customer_name.clone(),
            created_by: n.by.as_str().to_string(),
            created_date_time: datetime::format(n.at),
            read: n.read,
            benefit: BenefitRef::default(),
            benefit_name: String::new(),
            order_id: None,
            product: None,
            amount: None,
            currency_code: None,
            request_id: None,
            request_kind: None,
        };
        match &n.about {
            NotificationAbout::Purchase { order_id, benefit, product, display_name, amount } => {
                wire.benefit = BenefitRef::of(*benefit);
                wire.benefit_name = display_name.clone();
                wire.order_id = Some(*order_id);
                wire.product = Some(product.clone());
                wire.amount = Some(amount.as_dollars());
                wire.currency_code = Some(Usd::CURRENCY_CODE.to_string());
            }
            NotificationAbout::Request { request, kind, benefit, benefit_name } => {
                wire.kind = NotificationKind::Request;
                wire.benefit = BenefitRef::of(*benefit);
                wire.benefit_name = benefit_name.clone();
                wire.request_id = Some(*request);
                wire.request_kind = Some((*kind).into());
            }
        }
        wire
    }

    /// The notification as the domain has it; `None` when something cannot be read.
    pub fn into_domain(self) -> Option<domain::Notification> {
        let benefit: BenefitId = self.benefit.benefit()?;
        let about = match self.kind {
            NotificationKind::Purchase => NotificationAbout::Purchase {
                order_id: self.order_id?,
                benefit,
                product: self.product.unwrap_or_default(),
                display_name: self.benefit_name,
                amount: Usd::from_dollars(self.amount?)?,
            },
            NotificationKind::Request => NotificationAbout::Request {
                request: self.request_id?,
                kind: self.request_kind?.into(),
                benefit,
                benefit_name: self.benefit_name,
            },
        };
        Some(domain::Notification {
            id: self.id,
            customer_id: self.customer_id,
            customer_name: self.customer_name,
            by: CustomerUpn::new(&self.created_by),
            at: datetime::parse(&self.created_date_time)?,
            about,
            read: self.read,
        })
    }
}

/// The caller's notifications, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct NotificationList {
    /// How many items this answer holds.
    pub total_count: usize,
    /// How many of them the caller has not read.
    pub unread_count: usize,
    pub items: Vec<Notification>,
}

impl NotificationList {
    pub fn from_domain(feed: &NotificationFeed) -> Self {
        Self { total_count: feed.items.len(), unread_count: feed.unread, items: feed.items.iter().map(Notification::from_domain).collect() }
    }

    /// The feed as the domain has it (a notification that cannot be read is left out).
    pub fn into_domain(self) -> NotificationFeed {
        let items: Vec<domain::Notification> = self.items.into_iter().filter_map(Notification::into_domain).collect();
        NotificationFeed { unread: items.iter().filter(|n| !n.read).count(), items }
    }
}

/// The body of `POST /v1/notifications/read`: the notifications to mark read, or all of
/// them. Ids of no notification of the caller's are ignored; nothing named marks nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({ "ids": ["3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11"] })))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MarkNotificationsRead {
    /// The notifications to mark read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<uuid::Uuid>, required = false))]
    pub ids: Vec<NotificationId>,
    /// Every notification there is now (then `ids` does not matter).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "openapi", schema(required = false))]
    pub all: bool,
}

impl MarkNotificationsRead {
    pub fn of(which: &MarkRead) -> Self {
        match which {
            MarkRead::All => Self { ids: Vec::new(), all: true },
            MarkRead::Only(ids) => Self { ids: ids.clone(), all: false },
        }
    }

    pub fn into_domain(self) -> MarkRead {
        if self.all {
            MarkRead::All
        } else {
            MarkRead::Only(self.ids)
        }
    }
}
