#!/usr/bin/python3
"""Checks deploy/kubernetes.yaml offline, without a cluster or kubectl (README "Deployment example").

Every document is read against the Kubernetes API types of Debian's python3-kubernetes (apt-get install
python3-kubernetes; 22.6, the Kubernetes 1.22 API): a field the type does not have, a value of the wrong shape or a
required field left out is an error, as the API server's strict validation would find. Then the references between
the documents: selectors against pod labels, named ports, the Ingress's service. Exits 1 on the first list of errors.

    /usr/bin/python3 deploy/check-kubernetes.py [deploy/kubernetes.yaml]
"""
import re
import sys

import yaml
from kubernetes import client

PRIMITIVES = {"str": str, "int": int, "bool": bool, "float": (int, float), "object": object, "datetime": str}


def check(value, typ, path, errors):
    if typ in PRIMITIVES:
        if not isinstance(value, PRIMITIVES[typ]) or (typ == "int" and isinstance(value, bool)):
            errors.append(f"{path}: {value!r} is not {typ}")
        return
    m = re.fullmatch(r"list\[(.+)\]", typ)
    if m:
        if not isinstance(value, list):
            errors.append(f"{path}: not a list")
            return
        for i, item in enumerate(value):
            check(item, m.group(1), f"{path}[{i}]", errors)
        return
    m = re.fullmatch(r"dict\((\w+), (.+)\)", typ)
    if m:
        if not isinstance(value, dict):
            errors.append(f"{path}: not a map")
            return
        for k, v in value.items():
            check(v, m.group(2), f"{path}.{k}", errors)
        return
    model = getattr(client.models, typ)
    if not isinstance(value, dict):
        errors.append(f"{path}: {typ} expected, got {value!r}")
        return
    names = {json: attr for attr, json in model.attribute_map.items()}
    for key, v in value.items():
        if key not in names:
            errors.append(f"{path}: {typ} has no field '{key}'")
        else:
            check(v, model.openapi_types[names[key]], f"{path}.{key}", errors)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "deploy/kubernetes.yaml"
    docs = [d for d in yaml.safe_load_all(open(path)) if d]
    errors = []
    for i, doc in enumerate(docs):
        version = doc.get("apiVersion", "").split("/")[-1]
        typ = version.capitalize() + doc.get("kind", "?")
        if not hasattr(client.models, typ):
            errors.append(f"document {i}: no type {typ} for {doc.get('apiVersion')} {doc.get('kind')}")
            continue
        check(doc, typ, f"{doc['kind']}/{doc['metadata']['name']}", errors)
        # required fields: the generated constructors refuse None for them
        try:
            client.ApiClient()._ApiClient__deserialize(doc, typ)
        except (ValueError, TypeError) as e:
            errors.append(f"{doc['kind']}/{doc['metadata']['name']}: {e}")
        print(f"  {doc['apiVersion']:<22} {doc['kind']:<12} {doc['metadata']['name']}: fields checked against {typ}")

    pods = {}  # workload name -> (pod labels, container ports by name)
    for d in docs:
        if d["kind"] in ("Deployment", "StatefulSet"):
            spec = d["spec"]
            labels = spec["template"]["metadata"]["labels"]
            if any(labels.get(k) != v for k, v in spec["selector"]["matchLabels"].items()):
                errors.append(f"{d['kind']}/{d['metadata']['name']}: the selector does not match its pod labels")
            ports = {}
            for c in spec["template"]["spec"]["containers"]:
                for p in c.get("ports", []):
                    if "name" in p:
                        ports[p["name"]] = p["containerPort"]
                for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
                    port = c.get(probe, {}).get("httpGet", {}).get("port")
                    if isinstance(port, str) and port not in ports:
                        errors.append(f"{d['metadata']['name']}: {probe} names port '{port}', the container has none")
            pods[d["metadata"]["name"]] = (labels, ports)
    services = {}
    for d in docs:
        if d["kind"] == "Service":
            selected = [n for n, (labels, _) in pods.items()
                        if all(labels.get(k) == v for k, v in d["spec"]["selector"].items())]
            if not selected:
                errors.append(f"Service/{d['metadata']['name']} selects no pod of this file")
            for p in d["spec"]["ports"]:
                target = p.get("targetPort", p["port"])
                if isinstance(target, str) and not any(target in pods[n][1] for n in selected):
                    errors.append(f"Service/{d['metadata']['name']}: targetPort '{target}' is no named container port")
            services[d["metadata"]["name"]] = [p.get("name") for p in d["spec"]["ports"]]
    for d in docs:
        if d["kind"] == "Ingress":
            for rule in d["spec"]["rules"]:
                for p in rule["http"]["paths"]:
                    svc = p["backend"]["service"]
                    if svc["name"] not in services:
                        errors.append(f"Ingress: service '{svc['name']}' is not in this file")
                    elif "name" in svc["port"] and svc["port"]["name"] not in services[svc["name"]]:
                        errors.append(f"Ingress: service '{svc['name']}' has no port '{svc['port']['name']}'")
    if errors:
        print("\n".join("ERROR " + e for e in errors))
        sys.exit(1)
    print(f"{path}: {len(docs)} documents, fields and references consistent")


main()
