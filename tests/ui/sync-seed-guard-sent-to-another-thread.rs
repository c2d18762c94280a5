use lazy_core::sync::Lazy;

static LIMIT: Lazy<u64> = Lazy::new(|| 7);

// A seed guard uncounts its thread's peek when dropped, so it must be
// dropped on the thread that took it: moving it to another thread is
// refused (sharing a borrow of it is not; see test_sync_threads).
fn main() {
    let guard = Lazy::peek(&LIMIT).expect("not built yet");
    std::thread::spawn(move || drop(guard));
}
