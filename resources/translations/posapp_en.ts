<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActivityPanel</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/activity/activity_panel.py" line="314"/>
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>%n row exported to %1.</numerusform>
            <numerusform>%n rows exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CacheListView</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/common/list_view.py" line="265"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CouponsTab</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="206"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPanel</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/customers/customers_panel.py" line="60"/>
        <source>%n customer(s) exported to %1.</source>
        <translation>
            <numerusform>%n customer exported to %1.</numerusform>
            <numerusform>%n customers exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="300"/>
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n payment</numerusform>
            <numerusform>%n payments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="327"/>
        <source>%n active subscription(s)</source>
        <translation>
            <numerusform>%n active subscription</numerusform>
            <numerusform>%n active subscriptions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisputeCountdown</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="85"/>
        <source>%n hour(s) left</source>
        <translation>
            <numerusform>%n hour left</numerusform>
            <numerusform>%n hours left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="86"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisputeDetail</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="201"/>
        <source>• %1: %n character(s)</source>
        <translation>
            <numerusform>• %1: %n character</numerusform>
            <numerusform>• %1: %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisputesPanel</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/disputes/disputes_panel.py" line="51"/>
        <source>%n dispute(s) exported to %1.</source>
        <translation>
            <numerusform>%n dispute exported to %1.</numerusform>
            <numerusform>%n disputes exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="143"/>
        <source>%n row(s) to export</source>
        <translation>
            <numerusform>%n row to export</numerusform>
            <numerusform>%n rows to export</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InvoicesPanel</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/invoices/invoices_panel.py" line="58"/>
        <source>%n invoice(s) exported to %1.</source>
        <translation>
            <numerusform>%n invoice exported to %1.</numerusform>
            <numerusform>%n invoices exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentsPanel</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/payments/payments_panel.py" line="64"/>
        <source>%n payment(s) exported to %1.</source>
        <translation>
            <numerusform>%n payment exported to %1.</numerusform>
            <numerusform>%n payments exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefundsPanel</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/refunds/refunds_panel.py" line="92"/>
        <source>%n refund(s) exported to %1.</source>
        <translation>
            <numerusform>%n refund exported to %1.</numerusform>
            <numerusform>%n refunds exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="259"/>
        <source>%n more: type to narrow them down.</source>
        <translation>
            <numerusform>%n more: type to narrow them down.</numerusform>
            <numerusform>%n more: type to narrow them down.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubscriptionListModel</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="170"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubscriptionsPanel</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/subscriptions/subscriptions_panel.py" line="64"/>
        <source>%n subscription(s) exported to %1.</source>
        <translation>
            <numerusform>%n subscription exported to %1.</numerusform>
            <numerusform>%n subscriptions exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/shell/status_bar.py" line="121"/>
        <source>Synced %n minute(s) ago</source>
        <translation>
            <numerusform>Synced %n minute ago</numerusform>
            <numerusform>Synced %n minutes ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TakingsView</name>
    <message numerus="yes">
        <location filename="../../posapp/ui/payments/takings_view.py" line="72"/>
        <source>%n payment(s) today</source>
        <translation>
            <numerusform>%n payment today</numerusform>
            <numerusform>%n payments today</numerusform>
        </translation>
    </message>
</context>
</TS>
