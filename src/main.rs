//! Mounts the app; everything else lives in the library so tests can use it.

fn main() {
    customer_permissions::start();
}
