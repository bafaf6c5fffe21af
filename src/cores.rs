//! Work spread over every core: the batch's pledges and one report's charts.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

thread_local! {
    /// True on the threads [`map`] starts: a `map` inside one runs on that thread alone.
    static IN_WORKER: Cell<bool> = const { Cell::new(false) };
}

/// `f` of every item, on as many threads as there are cores (each takes the next item when it
/// is free); the results in the items' order, whatever the scheduling. `Err` when a worker
/// thread panicked.
pub fn map<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
) -> std::thread::Result<Vec<R>> {
    if IN_WORKER.get() {
        // Already on one of every core's threads (a batch's pledge drawing its charts): more
        // threads would only compete for the same cores, and this one keeps its chart canvas.
        return Ok(items.iter().map(f).collect());
    }
    let next = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(items.len()))
            .map(|_| {
                scope.spawn(|| {
                    IN_WORKER.set(true);
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            return mine;
                        };
                        mine.push((i, f(item)));
                    }
                })
            })
            .collect();
        // Every worker joined before looking at any: a panic in one never leaves another unjoined.
        let joined: Vec<_> = workers.into_iter().map(|w| w.join()).collect();
        let mut all = Vec::with_capacity(items.len());
        for mine in joined {
            all.extend(mine?);
        }
        Ok(all)
    })?;
    done.sort_by_key(|(i, _)| *i);
    Ok(done.into_iter().map(|(_, r)| r).collect())
}
