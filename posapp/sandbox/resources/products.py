"""Products: create, retrieve, update, delete, list, search (`product.*` events)."""

from __future__ import annotations

from ..engine.catalog import create_price, create_product, live_product
from ..errors import invalid, state_error
from ..params import Params, merge_metadata
from ..router import Request, api
from ..state import Obj, as_retrieved, search_response

_FIELDS = ("active", "description", "images", "metadata", "name", "shippable",
           "statement_descriptor", "tax_code", "unit_label", "url", "marketing_features",
           "package_dimensions")
CREATE_PARAMS = (*_FIELDS, "id", "default_price_data", "type", "tax_details")
UPDATE_PARAMS = (*_FIELDS, "default_price")


def _field_changes(p: Params) -> Obj:
    changes: Obj = {}
    for key in ("description", "statement_descriptor", "tax_code", "unit_label", "url"):
        if key in p:
            changes[key] = p.string(key) or None
    if "name" in p:
        changes["name"] = p.req_string("name")
    if "active" in p:
        changes["active"] = p.boolean("active", True)
    if "shippable" in p:
        changes["shippable"] = p.boolean("shippable")
    if "images" in p:
        changes["images"] = [str(i) for i in p.array("images")]
    if "marketing_features" in p:
        changes["marketing_features"] = [
            {"name": f.get("name")} for f in p.array("marketing_features") if isinstance(f, dict)]
    if "package_dimensions" in p:
        changes["package_dimensions"] = p.hash("package_dimensions")
    return changes


@api("POST", "/v1/products", CREATE_PARAMS, ("name",))
def create_product_route(req: Request) -> Obj:
    p = req.params
    extra = _field_changes(p)
    name = extra.pop("name")
    product = create_product(req.state, name, product_id=p.string("id"),
                             active=extra.pop("active", True), metadata=p.raw("metadata"),
                             extra=extra)
    if p.string("type"):
        product["type"] = p.enum("type", ("good", "service"))
    price_data = p.hash("default_price_data")
    if price_data is not None:
        price = create_price(req.state, Params(price_data), product["id"],
                             param_prefix="default_price_data")
        req.state.update(product, {"default_price": price["id"]}, "product.updated")
    return product


@api("GET", "/v1/products/{id}")
def retrieve_product(req: Request) -> Obj:
    return as_retrieved(req.state.get(req.path_args["id"], "product"))



@api("POST", "/v1/products/{id}", UPDATE_PARAMS)
def update_product(req: Request) -> Obj:
    state, p = req.state, req.params
    product = live_product(state, req.path_args["id"], param="id")
    changes = _field_changes(p)
    if "metadata" in p:
        changes["metadata"] = merge_metadata(product["metadata"], p.raw("metadata"))
    if "default_price" in p:
        price_id = p.string("default_price") or None
        if price_id is not None:
            price = state.get(price_id, "price", param="default_price")
            if price["product"] != product["id"]:
                raise invalid(f"The price `{price_id}` does not belong to this product.",
                              param="default_price")
            if not price["active"]:
                raise invalid("The default price must be active.", param="default_price")
        changes["default_price"] = price_id
    if changes:
        changes["updated"] = state.now()
    return state.update(product, changes, "product.updated")


@api("DELETE", "/v1/products/{id}")
def delete_product(req: Request) -> Obj:
    state = req.state
    product = live_product(state, req.path_args["id"], param="id")
    if any(price["product"] == product["id"] for price in state.iter_type("price")):
        raise state_error("This product cannot be deleted because it has one or more "
                          "user-created prices.", code="product_has_prices")
    return state.delete(product, "product.deleted")


@api("GET", "/v1/products", ("active", "created", "ids", "shippable", "url", "limit",
                             "starting_after", "ending_before"))
def list_products(req: Request) -> Obj:
    p = req.params
    active = p.boolean("active") if "active" in p else None
    ids = {str(i) for i in p.array("ids")}
    shippable = p.boolean("shippable") if "shippable" in p else None
    url = p.string("url")

    def keep(product: Obj) -> bool:
        return (not product.get("deleted")
                and (active is None or product["active"] == active)
                and (not ids or product["id"] in ids)
                and (shippable is None or product["shippable"] == shippable)
                and (url is None or product["url"] == url))
    return req.state.list_response("product", p, "/v1/products", keep)


@api("GET", "/v1/products/search", ("query", "limit", "page"), ("query",))
def search_products(req: Request) -> Obj:
    return search_response(req.state, "product", req.params, "/v1/products/search")
