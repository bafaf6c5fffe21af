//! The PNG encoder against the `image` crate's (Paeth filter, fast compression).

use super::png;
use image::ImageEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};

/// What the `image` crate writes for the same pixels.
fn reference(rgb: &[u8], w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Paeth)
        .write_image(rgb, w, h, image::ColorType::Rgb8)
        .unwrap();
    out
}

fn assert_same(name: &str, rgb: &[u8], w: u32, h: u32) {
    let ours = png(rgb, w, h).unwrap();
    assert!(
        ours == reference(rgb, w, h),
        "{name} ({w}×{h}): other bytes than the image crate's"
    );
    let back = image::load_from_memory(&ours).unwrap().to_rgb8();
    assert!(back.as_raw() == rgb, "{name}: the pixels do not come back");
}

/// A deterministic byte sequence (an LCG), for images that do not compress.
fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (s >> 56) as u8
        })
        .collect()
}

#[test]
fn every_shipped_chart_encodes_to_the_bytes_of_the_image_crate() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("reports");
    let mut files: Vec<_> = std::fs::read_dir(dir.join("charts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(dir.join("sammanfattning.png"));
    files.sort();
    let mut seen = 0;
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "png"))
    {
        let img = image::open(path).unwrap().to_rgb8();
        assert_same(
            &path.display().to_string(),
            img.as_raw(),
            img.width(),
            img.height(),
        );
        seen += 1;
    }
    assert!(seen >= 8, "only {seen} charts found");
}

#[test]
fn odd_sizes_noise_flat_and_striped_images_encode_as_the_image_crate_does() {
    let cases: [(&str, u32, u32); 6] = [
        ("one pixel", 1, 1),
        ("narrower than a run", 5, 3),
        ("not a whole number of runs", 37, 11),
        ("wide", 301, 7),
        ("tall", 2, 40),
        ("chart-sized", 160, 90),
    ];
    for (name, w, h) in cases {
        let n = (w * h * 3) as usize;
        // Noise compresses worse than storing: the stored stream is written instead.
        assert_same(
            &format!("{name}, noise"),
            &noise(n, u64::from(w * 31 + h)),
            w,
            h,
        );
        assert_same(&format!("{name}, white"), &vec![255; n], w, h);
        // Flat runs broken by a few pixels: rows equal to the one above, runs, single bytes.
        let mut striped = vec![255u8; n];
        for (i, v) in noise(n, 7).into_iter().enumerate() {
            if v < 6 {
                striped[i] = v.wrapping_mul(40);
            }
        }
        assert_same(&format!("{name}, striped"), &striped, w, h);
    }
}
