<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityPanel</name>
    <message>
        <location filename="../../posapp/ui/activity_panel.py" line="35" />
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
</context>
<context>
    <name>AddProfileDialog</name>
    <message>
        <location filename="../../posapp/ui/add_profile_dialog.py" line="36" />
        <source>Add your Stripe key</source>
        <translation>添加您的 Stripe 密钥</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/add_profile_dialog.py" line="45" />
        <source>Paste a secret key (sk_…) or a restricted key (rk_…) from the Stripe Dashboard, Developers → API keys. It is checked with Stripe and kept in your system keyring, never in a file.</source>
        <translation>从 Stripe 控制台的“开发者 → API 密钥”粘贴密钥（sk_…）或受限密钥（rk_…）。密钥会经 Stripe 验证并保存在系统钥匙串中，绝不写入文件。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/add_profile_dialog.py" line="49" />
        <source>My shop</source>
        <translation>我的店铺</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/add_profile_dialog.py" line="54" />
        <source>Optional: a Stripe-compatible server URL</source>
        <translation>可选：兼容 Stripe 的服务器地址</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/add_profile_dialog.py" line="56" />
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/add_profile_dialog.py" line="57" />
        <source>Secret key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/add_profile_dialog.py" line="58" />
        <source>API base URL</source>
        <translation>API 基础地址</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/add_profile_dialog.py" line="65" />
        <source>Check and save</source>
        <translation>验证并保存</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/add_profile_dialog.py" line="68" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/add_profile_dialog.py" line="88" />
        <source>Checking the key with Stripe…</source>
        <translation>正在向 Stripe 验证密钥…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/add_profile_dialog.py" line="109" />
        <source>Connected to %1 (%2). The key is in your keyring.</source>
        <translation>已连接到 %1（%2）。密钥保存在您的系统钥匙串中。</translation>
    </message>
</context>
<context>
    <name>AppState</name>
    <message>
        <location filename="../../posapp/ui/app_state.py" line="135" />
        <source>Stripe unreachable: try again when online.</source>
        <translation>无法连接 Stripe：请在联网后重试。</translation>
    </message>
</context>
<context>
    <name>CacheListView</name>
    <message>
        <location filename="../../posapp/ui/list_view.py" line="51" />
        <source>Search name, e-mail, id, last 4…</source>
        <translation>搜索名称、电子邮箱、ID、卡号后四位…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/list_view.py" line="58" />
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/list_view.py" line="141" />
        <source>%n item(s)</source>
        <translation><numerusform>%n 项</numerusform></translation>
    </message>
</context>
<context>
    <name>CardLinkDialog</name>
    <message>
        <location filename="../../posapp/ui/card_link_dialog.py" line="23" />
        <source>Collect a card</source>
        <translation>收集银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/card_link_dialog.py" line="29" />
        <source>Save a card for %1</source>
        <translation>为 %1 保存银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/card_link_dialog.py" line="30" />
        <source>Waiting for the customer to save a card on Stripe's page…</source>
        <translation>等待客户在 Stripe 页面上保存银行卡…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/card_link_dialog.py" line="31" />
        <source>Save your card</source>
        <translation>保存您的银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/card_link_dialog.py" line="32" />
        <source>Please save your card for future payments here:
%1</source>
        <translation>请在此保存您的银行卡，以便日后付款：
%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/card_link_dialog.py" line="34" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/card_link_dialog.py" line="37" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/card_link_dialog.py" line="45" />
        <source>Card saved</source>
        <translation>银行卡已保存</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/card_link_dialog.py" line="46" />
        <source>The customer can now be charged without the card.</source>
        <translation>现在无需银行卡即可向该客户扣款。</translation>
    </message>
</context>
<context>
    <name>CollectPanel</name>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="68" />
        <source>Collect payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="73" />
        <source>What is it for? The customer sees this.</source>
        <translation>用途是什么？客户会看到这段说明。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="76" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="77" />
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="78" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="81" />
        <source>Checkout page</source>
        <translation>结账页面</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="82" />
        <source>Payment link</source>
        <translation>付款链接</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="83" />
        <source>Show payment link and QR code</source>
        <translation>显示付款链接和二维码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="85" />
        <source>The customer pays on Stripe's page (Ctrl+Enter)</source>
        <translation>客户在 Stripe 页面上付款（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="91" />
        <source>Charge saved card</source>
        <translation>扣款已存银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="99" />
        <source>due in </source>
        <translation>到期：</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="100" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="101" />
        <source>Send invoice</source>
        <translation>发送账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="128" />
        <source>Enter an amount, then show the QR code to the customer, charge a saved card or send an invoice.</source>
        <translation>输入金额后，可向客户出示二维码、扣款已存银行卡或发送账单。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="170" />
        <source>Enter an amount first.</source>
        <translation>请先输入金额。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="172" />
        <source>Describe what the payment is for.</source>
        <translation>请说明付款用途。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="174" />
        <source>Busy…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="177" />
        <source>Choose a customer with a saved card.</source>
        <translation>请选择有已存银行卡的客户。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="178" />
        <source>This customer has no saved card: use “Collect a card” in Customers.</source>
        <translation>该客户没有已存银行卡：请在“客户”中使用“收集银行卡”。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="182" />
        <source>Choose a customer with an e-mail address to send an invoice.</source>
        <translation>请选择有电子邮箱的客户以发送账单。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="226" />
        <source>Creating the payment page…</source>
        <translation>正在创建付款页面…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="245" />
        <source>Charging %1…</source>
        <translation>正在扣款 %1…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="259" />
        <location filename="../../posapp/ui/collect_panel.py" line="334" />
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="263" />
        <source>Declined: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="265" />
        <source>The customer's bank wants them to confirm this payment. Send them this link: they confirm it on Stripe's page.</source>
        <translation>客户的银行要求客户确认这笔付款。请把此链接发给客户：客户在 Stripe 页面上确认。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="278" />
        <source>Sending the invoice…</source>
        <translation>正在发送账单…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="286" />
        <source>Invoice %1 for %2 sent to %3, due %4.</source>
        <translation>账单 %1（%2）已发送至 %3，到期日 %4。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="301" />
        <source>Scan to pay</source>
        <translation>扫码付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="302" />
        <source>Waiting for the customer to pay on Stripe's page…</source>
        <translation>等待客户在 Stripe 页面上付款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="303" />
        <source>Payment request: %1</source>
        <translation>付款请求：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="304" />
        <source>Please pay %1 for “%2” here:
%3</source>
        <translation>请在此支付 %1（“%2”）：
%3</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="342" />
        <source>Not paid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="359" />
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/collect_panel.py" line="359" />
        <source>The payment page was closed.</source>
        <translation>付款页面已关闭。</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../posapp/ui/confirm.py" line="20" />
        <source>This is LIVE mode: it happens for real. Go ahead?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/confirm.py" line="22" />
        <source>Live mode</source>
        <translation>正式模式</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <location filename="../../posapp/ui/csv_export.py" line="46" />
        <source>Export to CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/csv_export.py" line="48" />
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="62" />
        <source>Save changes</source>
        <translation>保存更改</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="79" />
        <source>Make default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="80" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="81" />
        <source>Collect a card…</source>
        <translation>收集银行卡…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="82" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="100" />
        <source>Cards are saved by the customer on a Stripe-hosted page; PosApp never sees the card number.</source>
        <translation>银行卡由客户在 Stripe 托管页面上保存；PosApp 永远看不到卡号。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="112" />
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="113" />
        <source>Payment methods</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="114" />
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="115" />
        <source>Invoices</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="116" />
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="146" />
        <source>Select a card first.</source>
        <translation>请先选择一张银行卡。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="156" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_detail.py" line="187" />
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../posapp/ui/customer_dialog.py" line="27" />
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_dialog.py" line="27" />
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_dialog.py" line="64" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="45" />
        <source>Street and number</source>
        <translation>街道和门牌号</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="46" />
        <source>Two-letter code, e.g. US, CN</source>
        <translation>两位字母代码，例如 US、CN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="49" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="50" />
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="51" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="52" />
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="53" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="53" />
        <source>Address line 2</source>
        <translation>地址第二行</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="54" />
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="54" />
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="55" />
        <source>State / province</source>
        <translation>州 / 省</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="55" />
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="60" />
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="60" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="65" />
        <source>Add metadata</source>
        <translation>添加元数据</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="67" />
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="70" />
        <source>Up to %1 keys; keys up to %2 characters, values up to %3.</source>
        <translation>最多 %1 个键；键最长 %2 个字符，值最长 %3 个字符。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_form.py" line="85" />
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../posapp/ui/customer_list_model.py" line="35" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_list_model.py" line="35" />
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_list_model.py" line="36" />
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_list_model.py" line="37" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_list_model.py" line="39" />
        <source>Default card</source>
        <translation>默认银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_list_model.py" line="42" />
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customer_list_model.py" line="44" />
        <source>Open invoices</source>
        <translation>未付账单</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../../posapp/ui/customer_picker.py" line="35" />
        <source>Optional: type a customer's name, e-mail or id</source>
        <translation>可选：输入客户名称、电子邮箱或 ID</translation>
    </message>
</context>
<context>
    <name>CustomersPanel</name>
    <message>
        <location filename="../../posapp/ui/customers_panel.py" line="49" />
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers_panel.py" line="50" />
        <source>New customer (Ctrl+N)</source>
        <translation>新建客户（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers_panel.py" line="52" />
        <location filename="../../posapp/ui/customers_panel.py" line="141" />
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers_panel.py" line="104" />
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers_panel.py" line="105" />
        <source>Delete %1 for good? Stripe cancels their subscriptions at once and this cannot be undone.</source>
        <translation>永久删除 %1？Stripe 会立即取消其订阅，此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers_panel.py" line="136" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers_panel.py" line="138" />
        <source>Collect a card…</source>
        <translation>收集银行卡…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers_panel.py" line="144" />
        <source>Copy id</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers_panel.py" line="146" />
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="195" />
        <source>Today's takings</source>
        <translation>今日收入</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="196" />
        <source>This month's takings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="198" />
        <source>Payment success rate (30 days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="200" />
        <source>Refunds this month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="202" />
        <source>Open disputes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="203" />
        <source>Monthly recurring revenue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="205" />
        <source>Past-due subscriptions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="207" />
        <source>Open invoices</source>
        <translation>未付账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="224" />
        <source>Reading the cache…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/dashboard_panel.py" line="268" />
        <source>%n payment(s)</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="275" />
        <source>%1 succeeded, %2 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="279" />
        <source>%1 refunded, %2 pending, %3 failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="285" />
        <source>%1 open, %2 need a response</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/dashboard_panel.py" line="290" />
        <source>%n active subscription(s)</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="292" />
        <source>retrying or waiting for a new card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="295" />
        <source>%1 open, %2 overdue (%3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="301" />
        <source>From the offline cache; last synced %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="302" />
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="317" />
        <source>Takings per day, %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard_panel.py" line="322" />
        <source>MRR per month, %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DisputeCountdown</name>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="81" />
        <source>Overdue</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/dispute_list_model.py" line="83" />
        <source>%n hour(s) left</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/dispute_list_model.py" line="85" />
        <source>%n day(s) left</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
</context>
<context>
    <name>DisputeDetail</name>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="70" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="71" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="72" />
        <source>Respond by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="73" />
        <source>Disputed payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="74" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="84" />
        <source>Evidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="85" />
        <source>Customer's history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="87" />
        <source>Save draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="88" />
        <source>Submit evidence…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="89" />
        <source>Accept dispute…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="142" />
        <source>This dispute no longer takes evidence (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="159" />
        <source>Draft saved. You can change it until you submit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="165" />
        <source>Submit evidence</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="167" />
        <source>This is a LIVE dispute: the bank receives this evidence. Submit?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="171" />
        <source>Evidence submitted; the bank is reviewing it.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/dispute_detail.py" line="176" />
        <source>• %1: %n character(s)</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="179" />
        <source>Submit this evidence for the dispute of %1?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="181" />
        <source>(no evidence text)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="182" />
        <source>Evidence can be submitted only once: it cannot be changed afterwards.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="188" />
        <source>Accept this dispute? %1 stays with the cardholder and the dispute is lost. This cannot be undone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="192" />
        <source>Accept dispute</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="193" />
        <source>This is a LIVE dispute: %1 is lost for real. Accept it?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="198" />
        <source>Dispute accepted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="206" />
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="253" />
        <source>No customer on file for this payment.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="262" />
        <source>disputed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="264" />
        <source>refunded %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_detail.py" line="276" />
        <source>%1 paid payments, %2 disputed, %3 fully refunded</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DisputeListModel</name>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="121" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="123" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="125" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="127" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="128" />
        <source>Respond by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="131" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="133" />
        <source>Payment</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DisputeReason</name>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="50" />
        <source>Fraudulent</source>
        <translation>欺诈</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="51" />
        <source>Duplicate</source>
        <translation>重复付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="52" />
        <source>Product not received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="54" />
        <source>Product unacceptable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="56" />
        <source>Subscription canceled</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="58" />
        <source>Credit not processed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="60" />
        <source>Unrecognized</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="61" />
        <source>General</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DisputeStatus</name>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="34" />
        <source>Needs response</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="35" />
        <source>Under review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="36" />
        <source>Won</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="37" />
        <source>Lost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="38" />
        <source>Inquiry: needs response</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="40" />
        <source>Inquiry: under review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/dispute_list_model.py" line="42" />
        <source>Inquiry closed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DisputesPanel</name>
    <message>
        <location filename="../../posapp/ui/disputes_panel.py" line="65" />
        <source>Open payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/disputes_panel.py" line="67" />
        <source>Copy id</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes_panel.py" line="69" />
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../posapp/ui/errors.py" line="17" />
        <source>Stripe unreachable: try again when online.</source>
        <translation>无法连接 Stripe：请在联网后重试。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/errors.py" line="19" />
        <source>Stripe did not accept this API key: check the key in the profile settings.</source>
        <translation>Stripe 不接受此 API 密钥：请在配置设置中检查密钥。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/errors.py" line="22" />
        <source>Stripe is receiving too many requests right now: try again in a moment.</source>
        <translation>Stripe 当前请求过多：请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/errors.py" line="25" />
        <source>The customer must authenticate this payment: send them the payment link.</source>
        <translation>客户必须验证这笔付款：请把付款链接发给客户。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/errors.py" line="28" />
        <source>This key lacks permission for %1: use a key with write access, or ask the account owner.</source>
        <translation>此密钥没有 %1 的权限：请使用有写入权限的密钥，或联系账户所有者。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/errors.py" line="30" />
        <source>this action</source>
        <translation>此操作</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/errors.py" line="34" />
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
</context>
<context>
    <name>EvidenceForm</name>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="90" />
        <source>Product description</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="91" />
        <source>Customer name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="92" />
        <source>Customer e-mail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="93" />
        <source>Billing address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="94" />
        <source>Shipping carrier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="95" />
        <source>Tracking number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="96" />
        <source>Shipping date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="97" />
        <source>Refund policy disclosure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="98" />
        <source>Cancellation rebuttal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="99" />
        <source>Other information</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="108" />
        <source>Receipts and customer communication are files: upload them in the Stripe Dashboard, then describe them here.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/evidence_form.py" line="165" />
        <source>All evidence: %1 / %2 characters</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InvoiceDetail</name>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="77" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="78" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="79" />
        <source>Due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="80" />
        <source>Subscription</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="82" />
        <source>Finalize</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="83" />
        <source>Send</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="84" />
        <source>Charge card…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="85" />
        <source>Paid outside Stripe…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="86" />
        <source>Void…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="87" />
        <source>Mark uncollectible…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="88" />
        <source>Open hosted page</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="89" />
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="90" />
        <source>Print…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="91" />
        <source>Export PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="121" />
        <source>Invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="122" />
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="123" />
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="146" />
        <source>Draft invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="154" />
        <source>%1 — overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="171" />
        <source>The customer has no e-mail address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="189" />
        <source>A draft has no hosted page until it is finalized.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="203" />
        <source>Sent to %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="218" />
        <source>Void invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="219" />
        <source>Void invoice %1 of %2 for %3? It can no longer be paid, and this cannot be undone.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="228" />
        <source>Mark uncollectible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="229" />
        <source>Mark invoice %1 of %2 for %3 as uncollectible? It stays payable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="238" />
        <source>Saved %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="266" />
        <source>Record that %1 paid %2 for invoice %3 outside Stripe (cash, bank transfer)? No card is charged.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="268" />
        <source>Paid outside Stripe</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="271" />
        <source>their default card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="272" />
        <source>Charge %1 to %2's %3 for invoice %4?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="273" />
        <source>Charge card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="276" />
        <source>This is LIVE: %1 is taken from a real card. Charge it?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="282" />
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="333" />
        <source>%1 paid outside Stripe</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="342" />
        <source>Created as draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="343" />
        <source>Finalized</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="344" />
        <source>Marked uncollectible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="345" />
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="346" />
        <source>Voided</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="364" />
        <source>Link copied.</source>
        <translation>链接已复制。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="377" />
        <source>Export PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_detail.py" line="377" />
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="61" />
        <source>New invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="64" />
        <source>Type a customer's name, e-mail or id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="69" />
        <source>E-mail the invoice, due in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="70" />
        <source>Charge the customer's default card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="78" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="80" />
        <source>Optional memo shown on the invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="83" />
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="83" />
        <source>Unit price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="84" />
        <source>Qty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="89" />
        <source>Add item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="99" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="100" />
        <source>Currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="101" />
        <source>Collection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="103" />
        <source>Memo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="108" />
        <source>Create draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="135" />
        <source>Remove this item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="154" />
        <source>Each item needs a description.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="156" />
        <source>Enter the unit price of “%1”.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="161" />
        <source>Add at least one item.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="190" />
        <source>Choose the customer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_dialog.py" line="210" />
        <source>Creating the invoice…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InvoiceListModel</name>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="69" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="71" />
        <source>Number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="71" />
        <source>(draft)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="73" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="74" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="76" />
        <source>Amount due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="79" />
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="81" />
        <source>Due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="87" />
        <source>%1 (overdue)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InvoicePdf</name>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="68" />
        <source>Draft invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="73" />
        <source>Invoice number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="74" />
        <source>Date of issue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="75" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="77" />
        <source>Date due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="88" />
        <source>%1 more lines are not in the offline copy.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="91" />
        <source>Subtotal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="92" />
        <source>Tax</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="93" />
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="94" />
        <source>Amount paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="95" />
        <source>Amount due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_pdf.py" line="112" />
        <source>due %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InvoiceStatus</name>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="27" />
        <source>Draft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="28" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="29" />
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="30" />
        <source>Uncollectible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoice_list_model.py" line="31" />
        <source>Void</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>InvoicesPanel</name>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="71" />
        <source>Search number, name, e-mail, id…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="78" />
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="82" />
        <source>Any customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="90" />
        <source>New invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="92" />
        <source>Export CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="93" />
        <source>Export the invoices the list shows now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="105" />
        <source>Created from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="107" />
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="133" />
        <source>any</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="179" />
        <source>Exporting…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/invoices_panel.py" line="186" />
        <source>%n invoice(s) exported to %1.</source>
        <translation type="unfinished">
            <numerusform />
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="209" />
        <source>Copy id</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices_panel.py" line="211" />
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
</context>
<context>
    <name>LinkView</name>
    <message>
        <location filename="../../posapp/ui/link_view.py" line="43" />
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/link_view.py" line="44" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/link_view.py" line="45" />
        <source>E-mail…</source>
        <translation>发送邮件…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/link_view.py" line="46" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/link_view.py" line="76" />
        <source>New sale</source>
        <translation>新交易</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/link_view.py" line="138" />
        <source>Link copied.</source>
        <translation>链接已复制。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="81" />
        <source>test mode</source>
        <translation>测试模式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="81" />
        <source>LIVE</source>
        <translation>正式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="82" />
        <source>demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="83" />
        <source>PosApp — %1 (%2)</source>
        <translation>PosApp — %1（%2）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="113" />
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="114" />
        <source>Collect payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="115" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="116" />
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="117" />
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="119" />
        <source>Invoices</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="120" />
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="121" />
        <source>Disputes</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/main_window.py" line="122" />
        <source>Activity</source>
        <translation>动态</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../posapp/ui/notices.py" line="36" />
        <source>Payment received: %1 %2</source>
        <translation>已收到付款：%1 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/notices.py" line="40" />
        <source>Payment failed: %1 — %2</source>
        <translation>付款失败：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/notices.py" line="42" />
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/notices.py" line="44" />
        <source>Checkout completed: %1 %2</source>
        <translation>结账完成：%1 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/notices.py" line="48" />
        <source>Refund succeeded: %1</source>
        <translation>退款成功：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/notices.py" line="51" />
        <source>Refund failed: %1 — %2</source>
        <translation>退款失败：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/notices.py" line="54" />
        <source>Dispute opened: %1, evidence due %2</source>
        <translation>新争议：%1，证据截止 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/notices.py" line="58" />
        <source>Invoice payment failed: %1 %2</source>
        <translation>账单付款失败：%1 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/notices.py" line="62" />
        <source>Subscription canceled: %1</source>
        <translation>订阅已取消：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/notices.py" line="65" />
        <source>Refreshing the whole cache from Stripe: %1</source>
        <translation>正在从 Stripe 刷新全部缓存：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/notices.py" line="69" />
        <source>Back online</source>
        <translation>已恢复在线</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/notices.py" line="70" />
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
</context>
<context>
    <name>ObjectDetail</name>
    <message>
        <location filename="../../posapp/ui/object_detail.py" line="33" />
        <source>Copy id</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/object_detail.py" line="35" />
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
</context>
<context>
    <name>ObjectListModel</name>
    <message>
        <location filename="../../posapp/ui/object_list_model.py" line="53" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/object_list_model.py" line="55" />
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/object_list_model.py" line="56" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/object_list_model.py" line="57" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/object_list_model.py" line="59" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>ObjectListPanel</name>
    <message>
        <location filename="../../posapp/ui/object_list_panel.py" line="51" />
        <source>Copy id</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/object_list_panel.py" line="53" />
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
</context>
<context>
    <name>PaymentDetail</name>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="56" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="57" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="58" />
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="59" />
        <source>Refunds / disputes</source>
        <translation>退款 / 争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="60" />
        <source>IDs</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="62" />
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="64" />
        <source>Capture</source>
        <translation>请款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="65" />
        <source>Cancel payment…</source>
        <translation>取消付款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="66" />
        <source>Copy ids</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="67" />
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="86" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="107" />
        <source>Refunded %1</source>
        <translation>已退款 %1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="110" />
        <source>Disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="150" />
        <source>Cancel this payment of %1? An authorization is released; this cannot be undone.</source>
        <translation>取消这笔 %1 的付款？预授权将被释放，此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="153" />
        <source>Cancel payment</source>
        <translation>取消付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="156" />
        <source>This is a LIVE payment. Cancel it for real?</source>
        <translation>这是一笔正式付款。确定要取消吗？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="157" />
        <source>Live mode</source>
        <translation>正式模式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="162" />
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_detail.py" line="200" />
        <source>No events cached for this payment: PosApp records events from its first sync on, and Stripe keeps them for 30 days.</source>
        <translation>此付款没有缓存的事件：PosApp 从首次同步起记录事件，Stripe 会保留事件 30 天。</translation>
    </message>
</context>
<context>
    <name>PaymentListModel</name>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="54" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="56" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="58" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="60" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="62" />
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="63" />
        <source>Refunded / disputed</source>
        <translation>退款 / 争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="66" />
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="93" />
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="95" />
        <source>Partly refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="97" />
        <source>Disputed</source>
        <translation>有争议</translation>
    </message>
</context>
<context>
    <name>PaymentMethodListModel</name>
    <message>
        <location filename="../../posapp/ui/payment_method_list_model.py" line="45" />
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_method_list_model.py" line="46" />
        <source>Expires</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_method_list_model.py" line="47" />
        <location filename="../../posapp/ui/payment_method_list_model.py" line="48" />
        <source>Default</source>
        <translation>默认</translation>
    </message>
</context>
<context>
    <name>PaymentStatus</name>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="25" />
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="26" />
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="27" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="28" />
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="29" />
        <source>Needs authentication</source>
        <translation>需要验证</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="30" />
        <source>Uncaptured</source>
        <translation>未请款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payment_list_model.py" line="31" />
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>PaymentsPanel</name>
    <message>
        <location filename="../../posapp/ui/payments_panel.py" line="59" />
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments_panel.py" line="62" />
        <source>Capture</source>
        <translation>请款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments_panel.py" line="64" />
        <source>Copy id</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments_panel.py" line="66" />
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="68" />
        <location filename="../../posapp/ui/refund_dialog.py" line="183" />
        <source>Refund payment</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="74" />
        <source>Requested by the customer</source>
        <translation>客户要求</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="75" />
        <source>Duplicate</source>
        <translation>重复付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="76" />
        <source>Fraudulent</source>
        <translation>欺诈</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="78" />
        <source>Internal note (kept in Stripe's metadata)</source>
        <translation>内部备注（保存在 Stripe 元数据中）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="86" />
        <source>Payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="87" />
        <source>Paid with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="88" />
        <source>Refundable</source>
        <translation>可退金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="89" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="90" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="91" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="93" />
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="123" />
        <source>No payment of this customer can be refunded</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="156" />
        <source>a walk-in customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="160" />
        <source>%1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="166" />
        <source>There is no paid payment to refund.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="170" />
        <source>At most %1 can be refunded.</source>
        <translation>最多可退款 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="180" />
        <source>Refund %1 to %2?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="181" />
        <source>the customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refund_dialog.py" line="182" />
        <source>This is a LIVE payment: %1 goes back to a real card. Refund it?</source>
        <translation>这是一笔正式付款：%1 将退回真实银行卡。确定退款吗？</translation>
    </message>
</context>
<context>
    <name>RefundListModel</name>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="70" />
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="72" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="74" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="76" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="77" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="79" />
        <source>Payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="80" />
        <source>Note / failure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="100" />
        <source>Failed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RefundReason</name>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="38" />
        <source>Requested by the customer</source>
        <translation>客户要求</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="40" />
        <source>Duplicate</source>
        <translation>重复付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="41" />
        <source>Fraudulent</source>
        <translation>欺诈</translation>
    </message>
</context>
<context>
    <name>RefundStatus</name>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="26" />
        <source>Pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="27" />
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="28" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="29" />
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refund_list_model.py" line="30" />
        <source>Needs action</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RefundsPanel</name>
    <message>
        <location filename="../../posapp/ui/refunds_panel.py" line="64" />
        <source>Today</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refunds_panel.py" line="65" />
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refunds_panel.py" line="66" />
        <source>This month</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refunds_panel.py" line="67" />
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refunds_panel.py" line="68" />
        <source>All time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refunds_panel.py" line="78" />
        <location filename="../../posapp/ui/refunds_panel.py" line="148" />
        <source>Open payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refunds_panel.py" line="82" />
        <source>Period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refunds_panel.py" line="128" />
        <source>Refunded: %1 · pending: %2 · failed: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../posapp/ui/refunds_panel.py" line="150" />
        <source>Copy id</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds_panel.py" line="152" />
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../posapp/ui/search_dialog.py" line="39" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/search_dialog.py" line="45" />
        <source>Name, e-mail, invoice number, id (cus_…, pi_…) or card last 4</source>
        <translation>名称、电子邮箱、账单编号、ID（cus_…、pi_…）或卡号后四位</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="43" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="52" />
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="54" />
        <source>How often to ask Stripe for news when nothing is pending (every 2 s while a payment is awaited).</source>
        <translation>无待处理事项时向 Stripe 查询更新的间隔（等待付款时每 2 秒一次）。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="60" />
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="66" />
        <source>Start PosApp with --data-dir DIR to keep its files elsewhere.</source>
        <translation>使用 --data-dir DIR 启动 PosApp 可将文件存放在其他位置。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="68" />
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="74" />
        <source>Clear cache…</source>
        <translation>清除缓存…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="79" />
        <source>Poll interval</source>
        <translation>轮询间隔</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="80" />
        <source>Default currency</source>
        <translation>默认货币</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="81" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="82" />
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="83" />
        <source>Offline cache</source>
        <translation>离线缓存</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="86" />
        <source>Switch to</source>
        <translation>切换到</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="87" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="88" />
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="110" />
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="111" />
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="140" />
        <source>Clear cache</source>
        <translation>清除缓存</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="141" />
        <source>Delete the offline copy of this profile's data? It is downloaded again from Stripe on the next sync; the audit log is kept.</source>
        <translation>删除此配置的离线数据副本？下次同步时会从 Stripe 重新下载；审计日志会保留。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="157" />
        <source>Rename profile</source>
        <translation>重命名配置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="157" />
        <source>New name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="176" />
        <source>Remove profile</source>
        <translation>移除配置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/settings_dialog.py" line="177" />
        <source>Remove profile “%1” and its key from the keyring? Its cached data stays on disk until you clear it.</source>
        <translation>移除配置“%1”并从钥匙串删除其密钥？其缓存数据会保留在磁盘上，直到您清除。</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="53" />
        <source>Notifications (open Activity)</source>
        <translation>通知（打开动态）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="69" />
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="73" />
        <source>Offline — showing cached data</source>
        <translation>离线 — 显示缓存数据</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="91" />
        <source>Syncing… %1</source>
        <translation>同步中… %1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="108" />
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="112" />
        <source>Synced just now</source>
        <translation>刚刚已同步</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/status_bar.py" line="114" />
        <source>Synced %n minute(s) ago</source>
        <translation><numerusform>%n 分钟前已同步</numerusform></translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="116" />
        <source>Last synced %1</source>
        <translation>上次同步 %1</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="19" />
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="20" />
        <source>Payment methods</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="21" />
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="22" />
        <source>Charges</source>
        <translation>扣款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="23" />
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="24" />
        <source>Disputes</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="25" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="26" />
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="27" />
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="28" />
        <source>Invoices</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="29" />
        <source>Checkout sessions</source>
        <translation>结账会话</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="30" />
        <source>Payment links</source>
        <translation>付款链接</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/status_bar.py" line="31" />
        <source>Events</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>TakingsView</name>
    <message>
        <location filename="../../posapp/ui/takings_view.py" line="22" />
        <source>Today's takings</source>
        <translation>今日收入</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/takings_view.py" line="29" />
        <source>Latest payments</source>
        <translation>最近付款</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/takings_view.py" line="52" />
        <source>%n payment(s) today</source>
        <translation><numerusform>今天 %n 笔付款</numerusform></translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../posapp/ui/top_bar.py" line="37" />
        <source>Test mode: no real money moves.</source>
        <translation>测试模式：不会产生真实资金往来。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/top_bar.py" line="38" />
        <source>Live mode: real cards are charged.</source>
        <translation>正式模式：会真实扣款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/top_bar.py" line="39" />
        <source>Demo: a local sandbox with made-up data.</source>
        <translation>演示：使用虚构数据的本地沙盒。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/top_bar.py" line="44" />
        <source>Switch profile</source>
        <translation>切换配置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/top_bar.py" line="50" />
        <source>Add a profile…</source>
        <translation>添加配置…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/top_bar.py" line="54" />
        <source>Search everything  (Ctrl+K)</source>
        <translation>全局搜索（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/top_bar.py" line="57" />
        <source>Settings and profiles</source>
        <translation>设置和配置</translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <location filename="../../posapp/ui/welcome_window.py" line="19" />
        <location filename="../../posapp/ui/welcome_window.py" line="22" />
        <source>Welcome to PosApp</source>
        <translation>欢迎使用 PosApp</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/welcome_window.py" line="26" />
        <source>Take payments at the counter and manage your Stripe customers, even offline. Card numbers are never typed here: customers pay on Stripe's own pages.</source>
        <translation>在柜台收款并管理您的 Stripe 客户，离线也能使用。这里从不输入卡号：客户在 Stripe 自己的页面上付款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/welcome_window.py" line="30" />
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/welcome_window.py" line="33" />
        <source>A local sandbox with made-up customers; nothing is real.</source>
        <translation>本地沙盒，客户均为虚构；一切都不是真的。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/welcome_window.py" line="34" />
        <source>Add your Stripe key</source>
        <translation>添加您的 Stripe 密钥</translation>
    </message>
</context>
</TS>