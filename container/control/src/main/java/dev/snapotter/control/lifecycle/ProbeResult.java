package dev.snapotter.control.lifecycle;

/** One entry of Docker's health probe log: when it ran, its exit code and its (truncated) output. */
public record ProbeResult(String start, String end, long exitCode, String output) {
}
