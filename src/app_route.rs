//! The app's addresses, parsed once into a typed route: the one place that knows the
//! URL scheme. `leptos_router`'s `<Router>` keeps the location (history, links, back and
//! forward); which page a location shows is decided here, by plain matching. The routes
//! nest: a customer's tabs are one [`Section`], rendered inside one customer layout.

use domain::CustomerId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppRoute {
    /// `/`: goes on to the Customers list.
    Home,
    /// `/customers`
    Customers,
    /// `/customers/{id}/account`
    Account(CustomerId),
    /// `/customers/{id}/subscriptions`
    Subscriptions(CustomerId),
    /// `/activity-log`
    ActivityLog,
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
    ActivityLog,
    InvalidCustomerId(String),
    NotFound,
}

/// A tab of a customer's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomerTab {
    Account,
    Subscriptions,
}

impl AppRoute {
    /// Where `self` belongs.
    pub fn section(&self) -> Section {
        match self {
            Self::Home => Section::Home,
            Self::Customers => Section::Customers,
            Self::Account(id) | Self::Subscriptions(id) => Section::Customer(*id),
            Self::ActivityLog => Section::ActivityLog,
            Self::InvalidCustomerId(text) => Section::InvalidCustomerId(text.clone()),
            Self::NotFound => Section::NotFound,
        }
    }

    /// The customer tab `self` shows, if it is a customer's page.
    pub fn customer_tab(&self) -> Option<CustomerTab> {
        match self {
            Self::Account(_) => Some(CustomerTab::Account),
            Self::Subscriptions(_) => Some(CustomerTab::Subscriptions),
            _ => None,
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
            ["customers", id, page @ ("account" | "subscriptions")] => match CustomerId::parse(id) {
                Ok(id) if *page == "account" => Self::Account(id),
                Ok(id) => Self::Subscriptions(id),
                Err(_) => Self::InvalidCustomerId((*id).to_string()),
            },
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
            Self::ActivityLog => "/activity-log".to_string(),
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

    #[test]
    fn every_page_has_its_address() {
        let id = CustomerId::parse(ID).unwrap();
        for route in [AppRoute::Customers, AppRoute::Account(id), AppRoute::Subscriptions(id), AppRoute::ActivityLog] {
            assert_eq!(AppRoute::parse(&route.path()), route);
            assert_eq!(AppRoute::parse(&format!("{}/", route.path())), route);
        }
        assert_eq!(AppRoute::parse("/"), AppRoute::Home);
        assert_eq!(AppRoute::parse(""), AppRoute::Home);
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
