//! Deterministic demo data: 25 hand-made customers that between them show every case the
//! product handles, and as many generated ones as asked for, always the same for a spec.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::customers::{Address, BillingProfile, Customer, CustomerUser, UserState};
use crate::ids::{AzureSubscriptionId, CustomerId, CustomerUserId, PartnerUserId, RoleAssignmentId, SubscriptionId};
use crate::partner::{Partner, PartnerRole, PartnerUser};
use crate::permissions::{Permission, PermissionSet};
use crate::rng::DemoRng;
use crate::subscriptions::{AzureRole, Offer, RoleAssignment, Subscription, SubscriptionStatus};

/// Which demo data a store holds: the hand-made customers plus `extra_customers`
/// generated ones, dated relative to `generated_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoSpec {
    pub extra_customers: u32,
    #[serde(with = "time::serde::timestamp")]
    pub generated_at: OffsetDateTime,
    /// Which generated customers: the same seed, the same customers (0 unless asked).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub seed: u64,
}

fn is_zero(seed: &u64) -> bool {
    *seed == 0
}

impl DemoSpec {
    pub fn new(extra_customers: u32, generated_at: OffsetDateTime) -> Self {
        Self { extra_customers, generated_at, seed: 0 }
    }

    /// With other generated customers.
    pub fn with_seed(self, seed: u64) -> Self {
        Self { seed, ..self }
    }
}

/// A permission granted before the demo starts (it also appears in the Activity log).
#[derive(Debug, Clone)]
pub struct Grant {
    pub customer_id: CustomerId,
    pub permissions: Vec<Permission>,
    pub by: PartnerUserId,
    pub at: OffsetDateTime,
}

#[derive(Debug, Clone)]
pub struct DemoData {
    pub partner: Partner,
    pub partner_users: Vec<PartnerUser>,
    pub customers: Vec<DemoCustomer>,
    pub grants: Vec<Grant>,
}

pub const PARTNER_DOMAIN: &str = "adatumcloud.onmicrosoft.com";

/// The demo partner's staff: two Admin agents, a Sales agent and a Helpdesk agent.
pub fn partner_users() -> Vec<PartnerUser> {
    [
        ("alex.wilber", "Alex Wilber", PartnerRole::AdminAgent),
        ("diego.siciliani", "Diego Siciliani", PartnerRole::AdminAgent),
        ("isaiah.langer", "Isaiah Langer", PartnerRole::SalesAgent),
        ("lidia.holloway", "Lidia Holloway", PartnerRole::HelpdeskAgent),
    ]
    .into_iter()
    .map(|(name, display_name, role)| PartnerUser {
        id: PartnerUserId::new(format!("{name}@{PARTNER_DOMAIN}")),
        display_name: display_name.to_string(),
        role,
    })
    .collect()
}

/// What Azure a customer has, which decides its readiness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// No subscriptions at all.
    Nothing,
    /// Only licence-based subscriptions (Microsoft 365, Dynamics 365).
    LicenseOnly,
    AzurePlan,
    /// An Azure plan that is suspended: it does not count.
    AzurePlanSuspended,
    /// An Azure plan with two Azure subscriptions; roles are on the second one.
    AzurePlanTwoSubscriptions,
    /// A legacy Azure Global (MS-AZR-0145P) usage subscription.
    AzureGlobal,
}

struct HandMade {
    name: &'static str,
    domain: &'static str,
    shape: Shape,
    users: &'static [DemoUser],
    granted: &'static [Permission],
}

use AzureRole::{Contributor, Owner, Reader};
use Permission::{AzureReservations, AzureSavingsPlan};

/// A hand-made customer user: given and family name, mail nickname (the part of the user
/// principal name before `@`), role on the customer's Azure subscription.
#[derive(Debug)]
struct DemoUser {
    first: &'static str,
    last: &'static str,
    nickname: &'static str,
    role: Option<AzureRole>,
    /// The display name puts the family name first (as in Japanese).
    family_first: bool,
    active: bool,
}

const fn u(first: &'static str, last: &'static str, nickname: &'static str, role: Option<AzureRole>) -> DemoUser {
    DemoUser { first, last, nickname, role, family_first: false, active: true }
}

const fn family_first(user: DemoUser) -> DemoUser {
    DemoUser { family_first: true, ..user }
}

const fn inactive(user: DemoUser) -> DemoUser {
    DemoUser { active: false, ..user }
}

const HAND_MADE: &[HandMade] = &[
    HandMade { name: "Contoso Ltd", domain: "contoso", shape: Shape::AzurePlan, users: &[u("Megan", "Bowen", "meganb", Some(Owner)), u("Adele", "Vance", "adelev", Some(Contributor)), u("Brian", "Johnson", "brianj", Some(Reader))], granted: &[AzureReservations] },
    HandMade { name: "Fabrikam Inc", domain: "fabrikam", shape: Shape::AzurePlan, users: &[u("Nestor", "Wilke", "nestorw", Some(Owner)), u("Sara", "Davis", "sarad", Some(Contributor)), u("Kevin", "Cook", "kevinc", None)], granted: &[] },
    HandMade { name: "Northwind Traders", domain: "northwindtraders", shape: Shape::LicenseOnly, users: &[u("Lynne", "Robbins", "lynner", None), u("Nancy", "Freehafer", "nancyf", None)], granted: &[] },
    HandMade { name: "Adventure Works Cycles", domain: "adventureworks", shape: Shape::AzurePlan, users: &[u("Johanna", "Lorenz", "johannal", Some(Contributor)), u("Grady", "Archie", "gradya", Some(Reader)), u("Rob", "Young", "roby", Some(Contributor))], granted: &[] },
    HandMade { name: "Tailspin Toys", domain: "tailspintoys", shape: Shape::AzureGlobal, users: &[u("Patti", "Fernandez", "pattif", Some(Owner)), u("Mark", "Hanson", "markh", Some(Reader))], granted: &[] },
    HandMade { name: "Wide World Importers", domain: "wideworldimporters", shape: Shape::AzurePlan, users: &[u("Lee", "Gu", "leeg", Some(Owner)), u("Hudson", "Onuoha", "hudsono", Some(Contributor)), u("Anna", "Lidman", "annal", Some(Reader))], granted: &[AzureReservations, AzureSavingsPlan] },
    HandMade { name: "Litware Inc", domain: "litware", shape: Shape::AzurePlan, users: &[u("Miriam", "Graham", "miriamg", Some(Owner)), u("Zrinka", "Makovac", "zrinkam", None)], granted: &[AzureSavingsPlan] },
    HandMade { name: "Proseware, Inc.", domain: "proseware", shape: Shape::Nothing, users: &[u("Henrietta", "Mueller", "henriettam", None), u("Tomás", "Rojas", "tomasr", None)], granted: &[] },
    HandMade { name: "Woodgrove Bank", domain: "woodgrovebank", shape: Shape::AzurePlanSuspended, users: &[u("Pradeep", "Gupta", "pradeepg", Some(Owner)), u("Kari", "Furse", "karif", Some(Contributor))], granted: &[] },
    HandMade { name: "Coho Winery", domain: "cohowinery", shape: Shape::AzurePlan, users: &[u("Christie", "Cline", "christiec", Some(Reader)), u("Jon", "Morris", "jonm", Some(Contributor))], granted: &[] },
    HandMade { name: "Alpine Ski House", domain: "alpineskihouse", shape: Shape::AzurePlan, users: &[u("Enrico", "Cattaneo", "enricoc", Some(Owner)), u("Lena", "Huber", "lenah", Some(Reader)), inactive(u("Markus", "Gruber", "markusg", None))], granted: &[] },
    HandMade { name: "Blue Yonder Airlines", domain: "blueyonderairlines", shape: Shape::LicenseOnly, users: &[u("Joni", "Sherman", "jonis", None), u("Aarav", "Shah", "aaravs", None)], granted: &[] },
    HandMade { name: "Fourth Coffee", domain: "fourthcoffee", shape: Shape::AzurePlanTwoSubscriptions, users: &[u("Isaac", "Wright", "isaacw", Some(Owner)), u("Irvin", "Sayers", "irvins", Some(Reader)), u("Ravi", "Kumar", "ravik", Some(Contributor))], granted: &[] },
    HandMade { name: "Graphic Design Institute", domain: "graphicdesigninstitute", shape: Shape::AzurePlan, users: &[u("Ivy", "Chen", "ivyc", Some(Contributor)), u("Omar", "Haddad", "omarh", Some(Reader))], granted: &[] },
    HandMade { name: "Humongous Insurance", domain: "humongousinsurance", shape: Shape::AzurePlan, users: &[u("Alan", "Steiner", "alans", Some(Owner)), u("Molly", "Clark", "mollyc", Some(Reader))], granted: &[AzureReservations] },
    HandMade { name: "Lucerne Publishing", domain: "lucernepublishing", shape: Shape::LicenseOnly, users: &[u("Debra", "Berger", "debrab", None), u("Paul", "West", "paulw", None)], granted: &[AzureReservations] },
    HandMade { name: "Margie's Travel", domain: "margiestravel", shape: Shape::AzureGlobal, users: &[u("Allan", "Deyoung", "allan", Some(Contributor)), u("Chris", "Green", "chrisg", Some(Reader))], granted: &[] },
    HandMade { name: "Relecloud", domain: "relecloud", shape: Shape::AzurePlan, users: &[u("Cameron", "White", "cameronw", Some(Owner)), u("Eva", "Santos", "evas", Some(Contributor)), u("Noah", "Kim", "noahk", Some(Reader)), u("Priya", "Nair", "priyan", None)], granted: &[] },
    HandMade { name: "Trey Research", domain: "treyresearch", shape: Shape::AzurePlan, users: &[u("Emily", "Braun", "emilyb", Some(Owner)), u("Jacob", "Hall", "jacobh", Some(Contributor))], granted: &[AzureSavingsPlan] },
    HandMade { name: "VanArsdel Ltd", domain: "vanarsdel", shape: Shape::Nothing, users: &[u("Sophie", "Martin", "sophiem", None), u("Liam", "O'Brien", "liamo", None)], granted: &[] },
    HandMade { name: "Bayerische Müller & Söhne Maschinenbau- und Anlagenvertriebsgesellschaft mit beschränkter Haftung", domain: "muellersoehne", shape: Shape::AzurePlan, users: &[u("Jürgen", "Weiß", "juergenw", Some(Owner)), u("Anneliese", "Bäcker", "anneliese.baecker", Some(Reader)), u("Stefan", "Groß", "stefan.gross", Some(Contributor))], granted: &[] },
    HandMade { name: "東京クラウドソリューションズ株式会社", domain: "tokyocloud", shape: Shape::AzurePlan, users: &[family_first(u("花子", "佐藤", "hanako.sato", Some(Owner))), family_first(u("一郎", "鈴木", "ichiro.suzuki", Some(Reader)))], granted: &[] },
    HandMade { name: "Ελληνικές Ψηφιακές Λύσεις Α.Ε.", domain: "hellenicdigital", shape: Shape::AzureGlobal, users: &[u("Γιώργος", "Παπαδόπουλος", "georgep", Some(Owner)), u("Μαρία", "Κωνσταντίνου", "mariak", Some(Contributor))], granted: &[] },
    HandMade { name: "شركة الرياض للحلول السحابية", domain: "riyadhcloud", shape: Shape::AzurePlan, users: &[u("ليلى", "العتيبي", "layla", Some(Reader)), u("محمد", "الشمري", "mohammed", Some(Contributor))], granted: &[] },
];

/// The place of a customer earlier releases had after the hand-made ones (a test case, now
/// in the tests). It is still built and then dropped, so every generated customer keeps the
/// Microsoft ID it had in data saved by those releases.
const RETIRED_SLOT: HandMade =
    HandMade { name: "retired", domain: "retired", shape: Shape::LicenseOnly, users: &[], granted: &[] };

const FIRST_WORDS: &[&str] = &[
    "Amber", "Arctic", "Atlas", "Aurora", "Bright", "Cedar", "Cobalt", "Coral", "Crimson",
    "Delta", "Eagle", "Emerald", "Falcon", "Granite", "Harbor", "Horizon", "Iron", "Juniper",
    "Lakeside", "Maple", "Meridian", "Nimbus", "Northern", "Oak", "Orbit", "Pacific", "Pine",
    "Prairie", "Quantum", "River", "Sapphire", "Silver", "Summit", "Sunrise", "Tidal", "Vertex",
];
const SECOND_WORDS: &[&str] = &[
    "Analytics", "Bakery", "Builders", "Capital", "Clinics", "Consulting", "Dental", "Design",
    "Energy", "Engineering", "Foods", "Freight", "Health", "Hotels", "Insurance", "Labs",
    "Legal", "Logistics", "Media", "Motors", "Outfitters", "Pharma", "Robotics", "Software",
    "Studios", "Systems", "Textiles", "Travel", "Ventures", "Works",
];
const SUFFIXES: &[&str] = &["Ltd", "Inc", "GmbH", "LLC", "S.A.", "AG", "plc", "Pty Ltd", "B.V.", "Co."];
/// Where a customer is billed, with that place's culture and phone prefix.
struct City {
    name: &'static str,
    postal_code: &'static str,
    country: &'static str,
    culture: &'static str,
    phone_prefix: &'static str,
}

const fn city(name: &'static str, postal_code: &'static str, country: &'static str, culture: &'static str, phone_prefix: &'static str) -> City {
    City { name, postal_code, country, culture, phone_prefix }
}

const CITIES: &[City] = &[
    city("Redmond", "98052", "US", "en-US", "+1 425"), city("Seattle", "98101", "US", "en-US", "+1 206"),
    city("London", "EC1A 1BB", "GB", "en-GB", "+44 20"), city("München", "80331", "DE", "de-DE", "+49 89"),
    city("Berlin", "10115", "DE", "de-DE", "+49 30"), city("Paris", "75001", "FR", "fr-FR", "+33 1"),
    city("Sydney", "2000", "AU", "en-AU", "+61 2"), city("Tokyo", "100-0001", "JP", "ja-JP", "+81 3"),
    city("Toronto", "M5H 2N2", "CA", "en-CA", "+1 416"),
];
const FIRST_NAMES: &[&str] = &["Anna", "Ben", "Chloe", "David", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kara", "Liam", "Maya", "Noah", "Olga", "Priya"];
const LAST_NAMES: &[&str] = &["Adams", "Becker", "Chen", "Dubois", "Evans", "Fischer", "García", "Hansen", "Ito", "Jensen", "Kowalski", "Lopez", "Müller", "Nakamura", "Okafor", "Patel"];

/// Builds the demo data for `spec`; the same spec always gives the same data.
pub fn build(spec: &DemoSpec) -> DemoData {
    let mut builder = Builder {
        rng: DemoRng::new(0x5eed_c0ffee),
        at: spec.generated_at,
        data: DemoData {
            partner: Partner {
                tenant_id: Uuid::from_u128(0x6f0c_1d2e_aa55_4c8b_9b3e_2f70_d1c0_ffee),
                company_name: "Adatum Cloud Services".to_string(),
                domain: PARTNER_DOMAIN.to_string(),
                contact_email: "csp-support@adatum.com".to_string(),
            },
            partner_users: partner_users(),
            customers: Vec::with_capacity(HAND_MADE.len() + spec.extra_customers as usize),
            grants: Vec::new(),
        },
    };
    for (n, hand_made) in HAND_MADE.iter().chain([&RETIRED_SLOT]).enumerate() {
        let customer = builder.plan_customer(
            hand_made.name.to_string(),
            format!("{}.onmicrosoft.com", hand_made.domain),
            hand_made.shape,
            Users::HandMade(hand_made.users),
            hand_made.granted,
            n as u64,
        );
        if std::ptr::eq(hand_made, &RETIRED_SLOT) {
            builder.data.grants.retain(|g| g.customer_id != customer.id);
        } else {
            builder.data.customers.push(customer);
        }
    }
    let mut rng = DemoRng::new(0x9e4e_7a7e_d000_0000 ^ spec.seed);
    for n in 0..u64::from(spec.extra_customers) {
        let (first, second, suffix) = (*rng.pick(FIRST_WORDS), *rng.pick(SECOND_WORDS), *rng.pick(SUFFIXES));
        let number = (n + 1).to_string();
        let name = [first, " ", second, " ", suffix, " ", &number].concat();
        let domain = [&first.to_ascii_lowercase(), &second.to_ascii_lowercase(), number.as_str(), ".onmicrosoft.com"].concat();
        let shape = match rng.below(10) {
            0 => Shape::Nothing,
            1 | 2 => Shape::LicenseOnly,
            3 => Shape::AzureGlobal,
            4 => Shape::AzurePlanTwoSubscriptions,
            _ => Shape::AzurePlan,
        };
        // The users are drawn again when the customer's details are first read.
        let count = rng.below(3) + 1;
        let users = Users::Generated { rng: rng.clone(), count };
        for _ in 0..count {
            generated_user(&mut rng);
        }
        let granted: &[Permission] = match rng.below(10) {
            0 => &[AzureReservations],
            1 => &[AzureReservations, AzureSavingsPlan],
            _ => &[],
        };
        let customer = builder.plan_customer(name, domain, shape, users, granted, 30 + n % 300);
        builder.data.customers.push(customer);
    }
    builder.data
}

/// A generated customer user's given name, family name and role, as drawn from `rng`.
fn generated_user(rng: &mut DemoRng) -> (&'static str, &'static str, Option<AzureRole>) {
    let (given, family) = (*rng.pick(FIRST_NAMES), *rng.pick(LAST_NAMES));
    let role = match rng.below(4) {
        0 | 1 => Some(Owner),
        2 => Some(Contributor),
        _ => None,
    };
    (given, family, role)
}

/// A customer of the demo data as the Customers list needs it at once. The rest (billing
/// profile, users, subscriptions, Azure roles) is made when it is first read: with 10,000
/// customers, building all of it at start would keep a returning user waiting.
#[derive(Debug, Clone)]
pub struct DemoCustomer {
    pub id: CustomerId,
    pub company_name: String,
    pub domain: String,
    plan: DetailsPlan,
}

/// Everything about a customer beyond its name and domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerDetails {
    pub customer: Customer,
    pub users: Vec<CustomerUser>,
    pub subscriptions: Vec<Subscription>,
    pub role_assignments: Vec<RoleAssignment>,
}

impl CustomerDetails {
    /// A customer with no users, subscriptions or roles (as a newly created one is).
    pub fn of_new(customer: Customer) -> Self {
        Self { customer, users: Vec::new(), subscriptions: Vec::new(), role_assignments: Vec::new() }
    }
}

/// What a customer's details are made from: always the same details.
#[derive(Debug, Clone)]
struct DetailsPlan {
    /// The builder's generator right after it drew the customer's id.
    rng: DemoRng,
    shape: Shape,
    users: Users,
    created: OffsetDateTime,
}

#[derive(Debug, Clone)]
enum Users {
    HandMade(&'static [DemoUser]),
    /// `count` users drawn from `rng` with [`generated_user`].
    Generated { rng: DemoRng, count: u64 },
}

impl Shape {
    /// The subscriptions of a customer of this shape: offer, status, and how many Azure
    /// subscriptions are under it.
    fn subscriptions(self) -> &'static [(Offer, SubscriptionStatus, usize)] {
        use SubscriptionStatus::{Active, Suspended};
        match self {
            Shape::Nothing => &[],
            Shape::LicenseOnly => &[(Offer::Microsoft365BusinessStandard, Active, 0), (Offer::Dynamics365Sales, Active, 0)],
            Shape::AzurePlan => &[(Offer::AzurePlan, Active, 1), (Offer::Microsoft365E3, Active, 0)],
            Shape::AzurePlanSuspended => &[(Offer::AzurePlan, Suspended, 1)],
            Shape::AzurePlanTwoSubscriptions => &[(Offer::AzurePlan, Active, 2)],
            Shape::AzureGlobal => &[(Offer::AzureGlobal, Active, 1)],
        }
    }

    /// How many numbers the builder draws for a customer's details: city, phone, address,
    /// then each subscription's Azure subscription ids and its own id (two each).
    fn draws(self) -> usize {
        3 + self.subscriptions().iter().map(|(_, _, azure)| 2 * azure + 2).sum::<usize>()
    }
}

impl DemoCustomer {
    /// One of the hand-made customers (not a generated one).
    pub fn is_hand_made(&self) -> bool {
        matches!(self.plan.users, Users::HandMade(_))
    }

    /// The customer's details, made as the demo data has always made them.
    pub fn details(&self) -> CustomerDetails {
        let plan = &self.plan;
        let mut rng = plan.rng.clone();
        let (id, domain) = (self.id, &self.domain);
        let city = rng.pick(CITIES);
        let users: Vec<(String, String, String, String, Option<AzureRole>, UserState)> = match &plan.users {
            Users::HandMade(users) => users
                .iter()
                .map(|u| {
                    let display = if u.family_first { [u.last, " ", u.first].concat() } else { [u.first, " ", u.last].concat() };
                    let state = if u.active { UserState::Active } else { UserState::Inactive };
                    (u.first.to_string(), u.last.to_string(), display, u.nickname.to_string(), u.role, state)
                })
                .collect(),
            Users::Generated { rng, count } => {
                let mut rng = rng.clone();
                (0..*count)
                    .map(|_| {
                        let (given, family, role) = generated_user(&mut rng);
                        (given.to_string(), family.to_string(), [given, " ", family].concat(), given.to_lowercase(), role, UserState::Active)
                    })
                    .collect()
            }
        };
        let (first_name, last_name) =
            users.first().map(|u| (u.0.as_str(), u.1.as_str())).unwrap_or(("Billing", "Contact"));
        let customer = Customer {
            id,
            company_name: self.company_name.clone(),
            domain: domain.clone(),
            billing: BillingProfile {
                first_name: first_name.to_string(),
                last_name: last_name.to_string(),
                email: format!("billing@{domain}"),
                phone: format!("{} 555 {:04}", city.phone_prefix, rng.below(10_000)),
                culture: city.culture.to_string(),
                address: Address {
                    line1: format!("{} Main Street", rng.below(900) + 1),
                    city: city.name.to_string(),
                    postal_code: city.postal_code.to_string(),
                    country: city.country.to_string(),
                },
            },
            relationship: "reseller".to_string(),
        };
        let mut subscriptions = Vec::new();
        let mut azure_ids = Vec::new();
        for &(offer, status, azure_count) in plan.shape.subscriptions() {
            let ids: Vec<_> = (0..azure_count).map(|_| AzureSubscriptionId::from_uuid(rng.uuid())).collect();
            azure_ids.extend(ids.iter().copied());
            subscriptions.push(Subscription {
                id: SubscriptionId::from_uuid(rng.uuid()),
                customer_id: id,
                offer,
                friendly_name: offer.offer_name().to_string(),
                quantity: if offer.is_azure() { 1 } else { 10 },
                status,
                creation_date: plan.created,
                azure_subscription_ids: ids,
            });
        }
        let roles_on = azure_ids.last().copied();
        // User ids come from a generator of their own, so the customers' ids stay as they were.
        let mut user_rng = DemoRng::new(id.as_uuid().as_u64_pair().0);
        let mut role_assignments = Vec::new();
        let users = users
            .into_iter()
            .map(|(first_name, last_name, display_name, nickname, role, state)| {
                let user_id = CustomerUserId::from_uuid(user_rng.uuid());
                if let (Some(role), Some(azure_subscription_id)) = (role, roles_on) {
                    // Made from the user and the subscription, so it is the same on every read.
                    let id = RoleAssignmentId::from_uuid(Uuid::from_u128(
                        user_id.as_uuid().as_u128() ^ azure_subscription_id.as_uuid().as_u128().rotate_left(13),
                    ));
                    role_assignments.push(RoleAssignment {
                        id,
                        azure_subscription_id,
                        principal_id: user_id,
                        role,
                        created_on: plan.created,
                    });
                }
                CustomerUser {
                    id: user_id,
                    customer_id: id,
                    user_principal_name: format!("{nickname}@{domain}"),
                    display_name,
                    first_name,
                    last_name,
                    state,
                }
            })
            .collect();
        CustomerDetails { customer, users, subscriptions, role_assignments }
    }
}

struct Builder {
    rng: DemoRng,
    at: OffsetDateTime,
    data: DemoData,
}

impl Builder {
    /// A customer's id, name and domain, and the plan of its details; its starting grants.
    fn plan_customer(
        &mut self,
        company_name: String,
        domain: String,
        shape: Shape,
        users: Users,
        granted: &[Permission],
        age_days: u64,
    ) -> DemoCustomer {
        let id = CustomerId::from_uuid(self.rng.uuid());
        let plan = DetailsPlan {
            rng: self.rng.clone(),
            shape,
            users,
            created: self.at - Duration::days(age_days as i64 + 60),
        };
        for _ in 0..shape.draws() {
            self.rng.next_u64();
        }
        if !granted.is_empty() {
            let by = &self.data.partner_users[(age_days % 2) as usize];
            self.data.grants.push(Grant {
                customer_id: id,
                permissions: granted.to_vec(),
                by: by.id.clone(),
                at: self.at - Duration::hours(6 + (age_days as i64 % 25) * 7),
            });
        }
        DemoCustomer { id, company_name, domain, plan }
    }
}

/// How many permissions the hand-made customers start with (for tests).
pub fn hand_made_grants() -> impl Iterator<Item = (&'static str, PermissionSet)> {
    HAND_MADE
        .iter()
        .filter(|h| !h.granted.is_empty())
        .map(|h| (h.name, h.granted.iter().copied().collect()))
}

/// How many customers are hand-made.
pub const HAND_MADE_COUNT: usize = HAND_MADE.len();
