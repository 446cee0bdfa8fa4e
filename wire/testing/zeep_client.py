"""A SOAP client in another language for the wire tests: python3-zeep, driven line by line.

Each stdin line is a JSON request {"wsdl", "operation", "args", "headers"}; "headers" maps
tokenPassport / applicationInfo / passport to values zeep builds from the WSDL, or holds
only "raw": XML strings sent as they are (a passport on 2020.2, whose WSDL has none). Each
answer is one JSON line {"ok", "faultstring", "code"} on stdout.
"""
import json
import sys

from lxml import etree
from zeep import Client
from zeep.exceptions import Fault

clients = {}


def client_for(wsdl):
    if wsdl not in clients:
        clients[wsdl] = Client(wsdl)
    return clients[wsdl]


def answer(request):
    client = client_for(request["wsdl"])
    headers = dict(request.get("headers", {}))
    raw = [etree.fromstring(x) for x in headers.pop("raw", [])]
    soapheaders = raw if raw else headers
    operation = getattr(client.service, request["operation"])
    try:
        result = operation(**request.get("args", {}), _soapheaders=soapheaders)
        # zeep unwraps a response of one element: the answer is then the status itself.
        status = result["status"] if "status" in dir(result) else result
        return {"ok": status["isSuccess"] is True}
    except Fault as fault:
        code = None
        if fault.detail is not None:
            found = fault.detail.xpath("//*[local-name()='code']")
            code = found[0].text if found else None
        return {"ok": False, "faultstring": fault.message, "code": code}


for line in sys.stdin:
    if not line.strip():
        continue
    try:
        print(json.dumps(answer(json.loads(line))), flush=True)
    except Exception as error:  # the test shows what went wrong instead of hanging
        print(json.dumps({"ok": False, "error": "%s: %s" % (type(error).__name__, error)}), flush=True)
