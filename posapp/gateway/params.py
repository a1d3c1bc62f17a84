"""The SDK's request-parameter TypedDicts that callers of the gateway build themselves.

Only the gateway imports `stripe`; services import these names from here to type the
parameters they assemble (`params: CustomerCreateParams = {...}`), so mypy checks them
against Stripe's own definitions. Checkout's and the billing portal's `SessionCreateParams`
are renamed after their resource.
"""

from stripe.params import (
    AccountCreateParams,
    AccountLinkCreateParams,
    CouponCreateParams,
    CustomerCreateParams,
    CustomerUpdateParams,
    DisputeUpdateParams,
    InvoiceCreateParams,
    InvoiceCreateParamsDiscount,
    InvoiceItemCreateParams,
    InvoicePayParams,
    PaymentIntentCancelParams,
    PaymentIntentCaptureParams,
    PaymentIntentCreateParams,
    PaymentLinkCreateParams,
    PayoutCreateParams,
    PriceCreateParams,
    ProductCreateParams,
    ProductUpdateParams,
    PromotionCodeCreateParams,
    RefundCreateParams,
    SubscriptionCancelParams,
    SubscriptionCreateParams,
    SubscriptionUpdateParams,
    SubscriptionUpdateParamsItem,
    SubscriptionUpdateParamsPauseCollection,
    TaxRateCreateParams,
)
from stripe.params.billing_portal import SessionCreateParams as BillingPortalSessionCreateParams
from stripe.params.checkout import SessionCreateParams as CheckoutSessionCreateParams
from stripe.params.terminal import (
    LocationCreateParams,
    ReaderCreateParams,
    ReaderProcessPaymentIntentParams,
    ReaderSetReaderDisplayParams,
)

__all__ = [
    "AccountCreateParams",
    "AccountLinkCreateParams",
    "BillingPortalSessionCreateParams",
    "CheckoutSessionCreateParams",
    "CouponCreateParams",
    "CustomerCreateParams",
    "CustomerUpdateParams",
    "DisputeUpdateParams",
    "InvoiceCreateParams",
    "InvoiceCreateParamsDiscount",
    "InvoiceItemCreateParams",
    "InvoicePayParams",
    "LocationCreateParams",
    "PaymentIntentCancelParams",
    "PaymentIntentCaptureParams",
    "PaymentIntentCreateParams",
    "PaymentLinkCreateParams",
    "PayoutCreateParams",
    "PriceCreateParams",
    "ProductCreateParams",
    "ProductUpdateParams",
    "PromotionCodeCreateParams",
    "ReaderCreateParams",
    "ReaderProcessPaymentIntentParams",
    "ReaderSetReaderDisplayParams",
    "RefundCreateParams",
    "SubscriptionCancelParams",
    "SubscriptionCreateParams",
    "SubscriptionUpdateParams",
    "SubscriptionUpdateParamsItem",
    "SubscriptionUpdateParamsPauseCollection",
    "TaxRateCreateParams",
]
