//! A file that is opened only when it is first read.
//!
//! `LazyFile` holds the path until something reads from it; the first `read`
//! opens the file. `#[derive(RealizeForward)]` with the ready-made mirror
//! `lazy_core::remote::Read` forwards `std::io::Read`'s required and
//! overridable methods that mirror lists (`read`, `read_vectored`,
//! `read_to_end`, `read_to_string`, `read_exact`) to the file; the others
//! keep std's default bodies, which call those. A program that is handed many files but reads
//! few of them opens few of them.
//!
//! Run with `cargo run --example read_on_demand`.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use lazy_core::{Lazy, RealizeForward, Seed, remote};

/// How to open the file: the path, kept inspectable until the file is open.
pub struct OpenOnFirstRead {
    pub path: PathBuf,
}

/// The opened file, or why it could not be opened (reported by every read,
/// since a `Seed` cannot fail).
pub struct Opened(io::Result<File>);

impl Seed for OpenOnFirstRead {
    type Output = Opened;

    fn build(self) -> Opened {
        Opened(File::open(&self.path))
    }
}

impl Read for Opened {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match &mut self.0 {
            Ok(file) => file.read(buf),
            Err(error) => Err(io::Error::new(error.kind(), error.to_string())),
        }
    }
}

/// A file opened on its first read.
#[derive(RealizeForward)]
#[realize_forward(remote::Read)]
pub struct LazyFile {
    #[realize]
    file: Lazy<Opened, OpenOnFirstRead>,
}

impl LazyFile {
    /// Opens nothing yet.
    pub fn new(path: impl Into<PathBuf>) -> LazyFile {
        LazyFile {
            file: Lazy::new(OpenOnFirstRead { path: path.into() }),
        }
    }

    /// Whether the file has been opened.
    pub fn is_open(&self) -> bool {
        Lazy::is_realized(&self.file)
    }

    /// The path, while the file is not open yet. Opens nothing.
    pub fn pending_path(&self) -> Option<PathBuf> {
        Lazy::peek(&self.file).map(|seed| seed.path.clone())
    }
}

/// Writes `count` small files into `dir`, hands a `LazyFile` for each to a
/// reader that only needs the one named `wanted`, and reports what was
/// opened.
pub fn demo(dir: &Path, count: usize, wanted: usize) -> io::Result<(String, Vec<bool>)> {
    std::fs::create_dir_all(dir)?;
    let mut files = Vec::with_capacity(count);
    for i in 0..count {
        let path = dir.join(format!("shard-{i}.txt"));
        std::fs::write(&path, format!("contents of shard {i}\n"))?;
        files.push(LazyFile::new(path));
    }
    let mut text = String::new();
    files[wanted].read_to_string(&mut text)?;
    let opened = files.iter().map(LazyFile::is_open).collect();
    Ok((text, opened))
}

fn main() -> io::Result<()> {
    let dir = std::env::temp_dir().join(format!("lazy-read-on-demand-{}", std::process::id()));
    let never = LazyFile::new(dir.join("never-read.txt"));
    println!(
        "before any read: open = {}, path = {:?}",
        never.is_open(),
        never.pending_path()
    );

    let (text, opened) = demo(&dir, 100, 42)?;
    print!("read shard 42: {text}");
    let open: Vec<usize> = (0..opened.len()).filter(|&i| opened[i]).collect();
    println!(
        "files handed out: {}, files opened: {:?}",
        opened.len(),
        open
    );

    // A file that does not exist fails on its first read, not before.
    let mut missing = LazyFile::new(dir.join("missing.txt"));
    let mut buf = [0; 8];
    println!(
        "missing file, first read: {:?}",
        missing.read(&mut buf).map_err(|e| e.kind())
    );

    std::fs::remove_dir_all(&dir)
}
