# The scenario as a Worker (worker.js, bundled by the test), whose fetch reaches 127.0.0.1 and nothing else.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "scenario", worker = .scenario),
    # workerd's default network allows public addresses only; the test's API is on loopback.
    (name = "loopback", network = (allow = ["127.0.0.1/32"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "scenario")],
);

const scenario :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2026-11-23",
  globalOutbound = "loopback",
);
