"""An S3-compatible object store on loopback (moto's server, a real HTTP endpoint that speaks the S3
API), for the media tests: django-storages and boto3 talk to it exactly as to a provider's bucket."""

import socket

import boto3
import requests
from moto.server import ThreadedMotoServer

# moto accepts any keys; boto3 must find some (the site takes them from these variables too).
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret"}
REGION = "eu-west-1"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class S3Server:
    def __init__(self, bucket: str):
        self.bucket = bucket
        self.port = _free_port()
        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )

    def object_keys(self) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=self.bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def __enter__(self) -> "S3Server":
        self.server.start()
        # moto keeps its buckets per process, not per server: start from an empty store.
        requests.post(f"{self.url}/moto-api/reset", timeout=10).raise_for_status()
        self.client().create_bucket(Bucket=self.bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
        return self

    def __exit__(self, *exc) -> None:
        self.server.stop()
