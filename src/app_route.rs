//! The app's addresses, parsed once into a typed route: the one place that knows the
//! URL scheme. `leptos_router`'s `<Router>` keeps the location (history, links, back and
//! forward); which page a location shows is decided here, by plain matching. The routes
//! nest: a customer's tabs are one [`Section`], rendered inside one customer layout, and
//! the customer user's own view (their company's Azure portal, under `/azure`) is another.

use domain::{AzureSubscriptionId, BenefitId, Caller, CustomerId, ReservationOrderId, SavingsPlanOrderId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppRoute {
    /// `/`: goes on to the Customers list (or, for a customer user, their Azure portal).
    Home,
    /// `/customers`
    Customers,
    /// `/customers/{id}/account`
    Account(CustomerId),
    /// `/customers/{id}/subscriptions`
    Subscriptions(CustomerId),
    /// `/customers/{id}/subscriptions/azure/{azureSubscriptionId}`: Manage, the Azure
    /// subscription's Access control (IAM).
    ManageAzureSubscription(CustomerId, AzureSubscriptionId),
    /// `/customers/{id}/orders`: Order history.
    Orders(CustomerId),
    /// `/customers/{id}/reservations`: what the customer bought on their own (and what the
    /// partner exchanged it for).
    CustomerPurchases(CustomerId),
    /// `/reservations` (filters in the query: `?status=…&placedBy=…`): every customer's
    /// reservations and savings plans.
    Purchases,
    /// `/reservations/reservation/{orderId}`, `/reservations/savings-plan/{orderId}`: one
    /// purchase, and what the partner can do with it.
    Purchase(BenefitId),
    /// `/requests`: what customers asked the partner to do.
    Requests,
    /// `/activity-log`
    ActivityLog,
    /// `/developer/requests`: what the mock API served, and its fault rules.
    RequestsInspector,
    /// `/azure/subscriptions` (also `/azure`): a customer user's Azure subscriptions.
    MySubscriptions,
    /// `/azure/reservations`: what the customer user's company has reserved.
    MyReservations,
    /// `/azure/reservations/purchase`
    BuyReservation,
    /// `/azure/savings-plans`
    MySavingsPlans,
    /// `/azure/savings-plans/purchase`
    BuySavingsPlan,
    /// A customer page whose id is not a Microsoft ID (the text as it was in the address).
    InvalidCustomerId(String),
    /// Any other address.
    NotFound,
}

/// The part of the app a route belongs to: the page, or for a customer's pages, the
/// customer (whose layout shows the tab of the route).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    Home,
    Customers,
    Customer(CustomerId),
    /// The partner's Reservations and Requests pages.
    Purchases,
    ActivityLog,
    /// For partner developers: the Requests inspector.
    Developer,
    /// The customer user's own view (their company's Azure portal).
    Portal,
    InvalidCustomerId(String),
    NotFound,
}

/// A tab of a customer's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerTab {
    Account,
    Subscriptions,
    Orders,
    Reservations,
}

/// Which side of the product a section belongs to: Partner Center (the partner's staff) or
/// the customer's Azure portal (the customer's users).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Partner,
    Customer,
    /// Pages of both (not found).
    Either,
}

impl Side {
    /// The side whose pages `caller` sees.
    pub fn of(caller: &Caller) -> Self {
        match caller {
            Caller::Partner(_) => Self::Partner,
            Caller::Customer(_) => Self::Customer,
        }
    }
}

impl AppRoute {
    /// Where `self` belongs.
    pub fn section(&self) -> Section {
        match self {
            Self::Home => Section::Home,
            Self::Customers => Section::Customers,
            Self::Account(id)
            | Self::Subscriptions(id)
            | Self::ManageAzureSubscription(id, _)
            | Self::Orders(id)
            | Self::CustomerPurchases(id) => Section::Customer(*id),
            Self::Purchases | Self::Purchase(_) | Self::Requests => Section::Purchases,
            Self::ActivityLog => Section::ActivityLog,
            Self::RequestsInspector => Section::Developer,
            Self::MySubscriptions | Self::MyReservations | Self::BuyReservation | Self::MySavingsPlans | Self::BuySavingsPlan => {
                Section::Portal
            }
            Self::InvalidCustomerId(text) => Section::InvalidCustomerId(text.clone()),
            Self::NotFound => Section::NotFound,
        }
    }

    /// The customer tab `self` shows, if it is a customer's page.
    pub fn customer_tab(&self) -> Option<CustomerTab> {
        match self {
            Self::Account(_) => Some(CustomerTab::Account),
            Self::Subscriptions(_) | Self::ManageAzureSubscription(..) => Some(CustomerTab::Subscriptions),
            Self::Orders(_) => Some(CustomerTab::Orders),
            Self::CustomerPurchases(_) => Some(CustomerTab::Reservations),
            _ => None,
        }
    }

    /// Whose pages these are: the partner's staff's, or a customer user's.
    pub fn side(&self) -> Side {
        match self.section() {
            Section::Home
            | Section::Customers
            | Section::Customer(_)
            | Section::Purchases
            | Section::ActivityLog
            | Section::Developer
            | Section::InvalidCustomerId(_) => Side::Partner,
            Section::Portal => Side::Customer,
            Section::NotFound => Side::Either,
        }
    }

    /// The route of `path`, a decoded path below the app's base path (starting with `/`).
    /// A trailing slash is ignored.
    pub fn parse(path: &str) -> Self {
        let trimmed = path.trim_end_matches('/');
        let segments: Vec<&str> = trimmed.split('/').skip(1).collect();
        match segments.as_slice() {
            [] => Self::Home,
            ["customers"] => Self::Customers,
            ["activity-log"] => Self::ActivityLog,
            ["developer", "requests"] => Self::RequestsInspector,
            ["reservations"] => Self::Purchases,
            ["reservations", "reservation", id] => {
                ReservationOrderId::parse(id).map_or(Self::NotFound, |id| Self::Purchase(BenefitId::Reservation(id)))
            }
            ["reservations", "savings-plan", id] => {
                SavingsPlanOrderId::parse(id).map_or(Self::NotFound, |id| Self::Purchase(BenefitId::SavingsPlan(id)))
            }
            ["requests"] => Self::Requests,
            ["customers", id, page @ ("account" | "subscriptions" | "orders" | "reservations")] => match CustomerId::parse(id) {
                Ok(id) if *page == "account" => Self::Account(id),
                Ok(id) if *page == "orders" => Self::Orders(id),
                Ok(id) if *page == "reservations" => Self::CustomerPurchases(id),
                Ok(id) => Self::Subscriptions(id),
                Err(_) => Self::InvalidCustomerId((*id).to_string()),
            },
            ["customers", id, "subscriptions", "azure", azure] => match (CustomerId::parse(id), AzureSubscriptionId::parse(azure)) {
                (Ok(id), Some(azure)) => Self::ManageAzureSubscription(id, azure),
                (Err(_), _) => Self::InvalidCustomerId((*id).to_string()),
                (Ok(_), None) => Self::NotFound,
            },
            ["azure"] | ["azure", "subscriptions"] => Self::MySubscriptions,
            ["azure", "reservations"] => Self::MyReservations,
            ["azure", "reservations", "purchase"] => Self::BuyReservation,
            ["azure", "savings-plans"] => Self::MySavingsPlans,
            ["azure", "savings-plans", "purchase"] => Self::BuySavingsPlan,
            _ => Self::NotFound,
        }
    }

    /// The part of the address below the base path.
    pub fn path(&self) -> String {
        match self {
            Self::Home | Self::NotFound | Self::InvalidCustomerId(_) => "/".to_string(),
            Self::Customers => "/customers".to_string(),
            Self::Account(id) => format!("/customers/{id}/account"),
            Self::Subscriptions(id) => format!("/customers/{id}/subscriptions"),
            Self::ManageAzureSubscription(id, azure) => format!("/customers/{id}/subscriptions/azure/{azure}"),
            Self::Orders(id) => format!("/customers/{id}/orders"),
            Self::CustomerPurchases(id) => format!("/customers/{id}/reservations"),
            Self::Purchases => "/reservations".to_string(),
            Self::Purchase(BenefitId::Reservation(id)) => format!("/reservations/reservation/{id}"),
            Self::Purchase(BenefitId::SavingsPlan(id)) => format!("/reservations/savings-plan/{id}"),
            Self::Requests => "/requests".to_string(),
            Self::ActivityLog => "/activity-log".to_string(),
            Self::RequestsInspector => "/developer/requests".to_string(),
            Self::MySubscriptions => "/azure/subscriptions".to_string(),
            Self::MyReservations => "/azure/reservations".to_string(),
            Self::BuyReservation => "/azure/reservations/purchase".to_string(),
            Self::MySavingsPlans => "/azure/savings-plans".to_string(),
            Self::BuySavingsPlan => "/azure/savings-plans/purchase".to_string(),
        }
    }
}

/// `pathname` (as the browser has it, with the base path in front) without the base path;
/// `None` when it is not below the base path. Escapes (`%3C`) are left for the caller.
pub fn path_below_base<'a>(base: &str, pathname: &'a str) -> Option<&'a str> {
    match pathname.strip_prefix(base)? {
        "" => Some("/"),
        rest if rest.starts_with('/') => Some(rest),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "8f2c1d3e-4b5a-4c6d-9e7f-0a1b2c3d4e5f";
    const AZURE_ID: &str = "3f1c2a9e-7d44-4b0a-9c61-5e2d8a7b0c11";

    #[test]
    fn every_page_has_its_address() {
        let id = CustomerId::parse(ID).unwrap();
        let azure = AzureSubscriptionId::parse(AZURE_ID).unwrap();
        for route in [
            AppRoute::Customers,
            AppRoute::Account(id),
            AppRoute::Subscriptions(id),
            AppRoute::ManageAzureSubscription(id, azure),
            AppRoute::Orders(id),
            AppRoute::CustomerPurchases(id),
            AppRoute::Purchases,
            AppRoute::Purchase(BenefitId::Reservation(ReservationOrderId::parse(AZURE_ID).unwrap())),
            AppRoute::Purchase(BenefitId::SavingsPlan(SavingsPlanOrderId::parse(AZURE_ID).unwrap())),
            AppRoute::Requests,
            AppRoute::RequestsInspector,
            AppRoute::ActivityLog,
            AppRoute::MySubscriptions,
            AppRoute::MyReservations,
            AppRoute::BuyReservation,
            AppRoute::MySavingsPlans,
            AppRoute::BuySavingsPlan,
        ] {
            assert_eq!(AppRoute::parse(&route.path()), route);
            assert_eq!(AppRoute::parse(&format!("{}/", route.path())), route);
        }
        assert_eq!(AppRoute::parse("/"), AppRoute::Home);
        assert_eq!(AppRoute::parse(""), AppRoute::Home);
        assert_eq!(AppRoute::parse("/azure"), AppRoute::MySubscriptions);
    }

    #[test]
    fn each_page_belongs_to_one_side() {
        let id = CustomerId::parse(ID).unwrap();
        let azure = AzureSubscriptionId::parse(AZURE_ID).unwrap();
        assert_eq!(AppRoute::ManageAzureSubscription(id, azure).side(), Side::Partner);
        assert_eq!(AppRoute::Orders(id).side(), Side::Partner);
        assert_eq!(AppRoute::ActivityLog.side(), Side::Partner);
        assert_eq!(AppRoute::BuyReservation.side(), Side::Customer);
        assert_eq!(AppRoute::MySavingsPlans.side(), Side::Customer);
        assert_eq!(AppRoute::NotFound.side(), Side::Either);
        assert_eq!(AppRoute::ManageAzureSubscription(id, azure).customer_tab(), Some(CustomerTab::Subscriptions));
        assert_eq!(AppRoute::Orders(id).customer_tab(), Some(CustomerTab::Orders));
        assert_eq!(AppRoute::parse(&format!("/customers/{ID}/subscriptions/azure/nope")), AppRoute::NotFound);
        assert_eq!(AppRoute::parse("/azure/reservations/nope"), AppRoute::NotFound);
        assert_eq!(AppRoute::Requests.side(), Side::Partner);
        assert_eq!(AppRoute::CustomerPurchases(id).customer_tab(), Some(CustomerTab::Reservations));
        assert_eq!(AppRoute::parse("/reservations/reservation/nope"), AppRoute::NotFound);
    }

    #[test]
    fn unknown_addresses_and_ids_are_not_found() {
        assert_eq!(AppRoute::parse("/no/such/page"), AppRoute::NotFound);
        assert_eq!(AppRoute::parse(&format!("/customers/{ID}")), AppRoute::NotFound);
        assert_eq!(AppRoute::parse(&format!("/customers/{ID}/billing")), AppRoute::NotFound);
        assert_eq!(
            AppRoute::parse("/customers/<img src=x>/account"),
            AppRoute::InvalidCustomerId("<img src=x>".to_string())
        );
    }

    #[test]
    fn a_customers_tabs_are_one_section() {
        let id = CustomerId::parse(ID).unwrap();
        assert_eq!(AppRoute::Account(id).section(), Section::Customer(id));
        assert_eq!(AppRoute::Subscriptions(id).section(), Section::Customer(id));
        assert_eq!(AppRoute::Account(id).customer_tab(), Some(CustomerTab::Account));
        assert_eq!(AppRoute::Subscriptions(id).customer_tab(), Some(CustomerTab::Subscriptions));
        assert_eq!(AppRoute::Customers.customer_tab(), None);
        assert_eq!(AppRoute::parse("/customers/x/account").section(), Section::InvalidCustomerId("x".into()));
    }

    #[test]
    fn the_base_path_is_removed() {
        assert_eq!(path_below_base("", "/customers"), Some("/customers"));
        assert_eq!(path_below_base("/partner-center", "/partner-center"), Some("/"));
        assert_eq!(path_below_base("/partner-center", "/partner-center/activity-log"), Some("/activity-log"));
        assert_eq!(path_below_base("/partner-center", "/partner-centerx/customers"), None);
        assert_eq!(path_below_base("/partner-center", "/elsewhere"), None);
    }
}
