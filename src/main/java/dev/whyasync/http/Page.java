package dev.whyasync.http;

/** A downloaded, verified page: its number, its length in bytes and the CRC32 of its body. */
public record Page(int page, int length, long checksum) {
}
