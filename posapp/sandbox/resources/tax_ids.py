"""The account's own tax IDs (`/v1/tax_ids`, `owner[type]=self`): create, retrieve, list,
delete. They emit no events: Stripe's tax ID events (`customer.tax_id.*`) are customers'.

`country` is derived as Stripe derives it: from the type's prefix (`gb_vat` → GB), and for
`eu_vat` from the value's own prefix (`DE123…` → DE, Greece's `EL` → GR). A value that does
not fit its type's format, for the types whose format the sandbox knows, is refused with
Stripe's `tax_id_invalid`. Account tax IDs carry no `verification` (Stripe verifies customer
tax IDs only); customer, connected-account and application owners are not modelled."""

from __future__ import annotations

import re

from ..errors import invalid, not_found
from ..params import Params
from ..router import Request, api
from ..state import Obj, State, as_retrieved

# Every type stripe-python's `TaxIdCreateParams` accepts.
TAX_ID_TYPES = (
    "ad_nrt", "ae_trn", "al_tin", "am_tin", "ao_tin", "ar_cuit", "au_abn", "au_acn",
    "au_arn", "au_wpn", "aw_tin", "az_tin", "ba_tin", "bb_tin", "bd_bin", "bf_ifu",
    "bg_uic", "bh_vat", "bj_ifu", "bo_tin", "br_cnpj", "br_cpf", "bs_tin", "bw_vat",
    "by_tin", "ca_bn", "ca_gst_hst", "ca_pst_bc", "ca_pst_mb", "ca_pst_sk", "ca_qst",
    "cd_nif", "ch_uid", "ch_vat", "ci_vat", "cl_tin", "cm_niu", "cn_tin", "co_nit",
    "cr_tin", "cv_nif", "cz_dic", "de_stn", "do_rcn", "ec_ruc", "eg_tin", "es_cif",
    "et_tin", "eu_oss_vat", "eu_vat", "fo_vat", "fr_siren", "fr_siret", "fr_spi",
    "gb_vat", "ge_vat", "gh_tin", "gi_tin", "gn_nif", "hk_br", "hr_oib", "hu_tin",
    "ic_nif", "id_npwp", "il_vat", "in_gst", "is_kt", "is_vat", "it_cf", "jp_cn", "jp_rn",
    "jp_trn", "ke_pin", "kg_tin", "kh_tin", "kr_brn", "kz_bin", "la_tin", "li_uid",
    "li_vat", "lk_vat", "ma_vat", "md_cf", "md_vat", "me_pib", "mk_vat", "mr_nif",
    "mu_vat", "mx_rfc", "my_frp", "my_itn", "my_sst", "mz_nuit", "ng_tin", "no_vat",
    "no_voec", "np_pan", "nz_bn", "nz_gst", "om_vat", "pe_ruc", "ph_tin", "pl_nip",
    "pt_nif", "py_ruc", "ro_tin", "rs_pib", "ru_inn", "ru_kpp", "sa_vat", "sg_gst",
    "sg_uen", "si_tin", "sm_coe", "sn_ninea", "sr_fin", "sv_nit", "th_vat", "tj_tin",
    "tr_tin", "tt_bir", "tt_vat", "tw_vat", "tz_vat", "ua_vat", "ug_tin", "us_ein",
    "uy_ruc", "uz_tin", "uz_vat", "ve_rif", "vn_tin", "za_vat", "zm_tin", "zw_tin")
# EU VAT numbers start with their member state's code (Greece's is EL; XI is Northern
# Ireland under the Windsor Framework, a part of GB).
_EU_VAT_PREFIX = {code: code for code in (
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "HR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK")}
_EU_VAT_PREFIX.update(EL="GR", XI="GB")
# The formats the sandbox checks (Stripe's documented examples fit them).
_FORMATS = {
    "eu_vat": re.compile(r"(?:[A-Z]{2})[0-9A-Z+*]{2,13}"),
    "gb_vat": re.compile(r"GB(?:\d{9}|\d{12}|GD\d{3}|HA\d{3})"),
    "us_ein": re.compile(r"\d{2}-\d{7}"),
    "au_abn": re.compile(r"\d{11}"),
    "nz_gst": re.compile(r"\d{8,9}"),
    "ca_bn": re.compile(r"\d{9}"),
    "ch_vat": re.compile(r"CHE-\d{3}\.\d{3}\.\d{3} (?:MWST|TVA|IVA)"),
}


def tax_id_country(kind: str, value: str) -> str | None:
    """The country Stripe gives a tax ID of type `kind` (None for `eu_oss_vat`, which is
    not one country's)."""
    if kind == "eu_vat":
        return _EU_VAT_PREFIX.get(value[:2])
    if kind == "eu_oss_vat":
        return None
    return kind.split("_", 1)[0].upper()


def create_tax_id(state: State, kind: str, value: str) -> Obj:
    """Store one of the account's own tax IDs; raises Stripe's
    `tax_id_invalid` when `value` does not fit `kind`'s format."""
    value = value.strip().upper() if kind in _FORMATS else value.strip()
    pattern = _FORMATS.get(kind)
    if not value or (pattern is not None and not pattern.fullmatch(value)) or \
            (kind == "eu_vat" and value[:2] not in _EU_VAT_PREFIX):
        raise invalid(f"Invalid value for {kind}.", param="value", code="tax_id_invalid")
    tax_id: Obj = {
        "id": state.new_id("txi_", 24), "object": "tax_id",
        "country": tax_id_country(kind, value), "created": state.now(), "customer": None,
        "customer_account": None, "livemode": False,
        "owner": {"customer": None, "customer_account": None, "type": "self"},
        "type": kind, "value": value, "verification": None}
    return state.insert(tax_id)


def _self_owner(p: Params) -> None:
    owner = Params(p.hash("owner") or {})
    owner.check(("type", "account", "customer", "customer_account"), ("type",))
    kind = owner.enum("type", ("account", "application", "customer", "self"))
    if kind != "self":
        raise invalid("The sandbox keeps the account's own tax IDs only (owner[type]=self).",
                      param="owner[type]")


@api("POST", "/v1/tax_ids", ("type", "value", "owner"), ("type", "value"))
def create_tax_id_route(req: Request) -> Obj:
    p = req.params
    if "owner" in p:
        _self_owner(p)
    kind = p.enum("type", TAX_ID_TYPES)
    assert kind is not None
    return create_tax_id(req.state, kind, p.req_string("value"))


@api("GET", "/v1/tax_ids/{id}")
def retrieve_tax_id(req: Request) -> Obj:
    return as_retrieved(req.state.get(req.path_args["id"], "tax_id"))


@api("DELETE", "/v1/tax_ids/{id}")
def delete_tax_id(req: Request) -> Obj:
    """Delete one of the account's tax IDs; it also leaves the account's invoice defaults."""
    tax_id = req.state.get(req.path_args["id"], "tax_id")
    if tax_id.get("deleted"):
        raise not_found("tax ID", tax_id["id"])
    invoices = req.state.account["settings"]["invoices"]
    defaults = invoices.get("default_account_tax_ids")
    if defaults and tax_id["id"] in defaults:
        invoices["default_account_tax_ids"] = [i for i in defaults if i != tax_id["id"]] or None
    tax_id["deleted"] = True
    return as_retrieved(tax_id)


@api("GET", "/v1/tax_ids", ("owner", "limit", "starting_after", "ending_before"))
def list_tax_ids(req: Request) -> Obj:
    if "owner" in req.params:
        _self_owner(req.params)
    return req.state.list_response("tax_id", req.params, "/v1/tax_ids",
                                   lambda tax_id: not tax_id.get("deleted"))
