package dev.whyasync.model;

import dev.whyasync.http.PageRequest;

/** One task: the two pages it downloads concurrently. */
public record Task(int id, PageRequest first, PageRequest second) {
}
