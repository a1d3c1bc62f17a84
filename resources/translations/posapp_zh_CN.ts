<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDashboard</name>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="128"/>
        <source>Express</source>
        <translation>Express</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="129"/>
        <source>Full (Standard)</source>
        <translation>完整（Standard）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="130"/>
        <source>None (custom)</source>
        <translation>无（自定义）</translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="107"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="107"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="110"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="111"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="112"/>
        <source>Dashboard</source>
        <translation>控制台</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="115"/>
        <source>Charges</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="118"/>
        <source>Payouts</source>
        <translation>提现</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="121"/>
        <source>Requirements due</source>
        <translation>待补资料</translation>
    </message>
</context>
<context>
    <name>AccountsPanel</name>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="70"/>
        <source>New account…</source>
        <translation>新建账户…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="72"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="77"/>
        <source>Act as this account</source>
        <translation>以此账户身份操作</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="78"/>
        <source>Onboarding link</source>
        <translation>入驻链接</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="79"/>
        <source>Express dashboard</source>
        <translation>Express 控制台</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="82"/>
        <source>Links open in the browser and are copied here.</source>
        <translation>链接会在浏览器中打开，并复制到这里。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="86"/>
        <source>You are acting as a connected account: go back to the platform to manage accounts.</source>
        <translation>您正以关联账户身份操作：请返回平台来管理账户。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="100"/>
        <source>Select a connected account.</source>
        <translation>请选择一个关联账户。</translation>
    </message>
</context>
<context>
    <name>ActingBanner</name>
    <message>
        <location filename="../../posapp/ui/backoffice/acting_banner.py" line="22"/>
        <source>Acting as %1 (%2) for the platform %3: everything shown and done here is that account&apos;s.</source>
        <translation>正以 %1（%2）的身份代表平台 %3 操作：这里显示和执行的一切都属于该账户。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/acting_banner.py" line="27"/>
        <source>Back to the platform</source>
        <translation>返回平台</translation>
    </message>
</context>
<context>
    <name>ActionDetail</name>
    <message>
        <location filename="../../posapp/ui/common/action_detail.py" line="74"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>ActivityPanel</name>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="87"/>
        <source>Check with Stripe</source>
        <translation>向 Stripe 核实</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="88"/>
        <source>Look these writes up at Stripe by their idempotency key; nothing is sent again</source>
        <translation>按幂等键在 Stripe 查找这些写入操作；不会重新发送任何请求</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="92"/>
        <source>Not known yet whether Stripe did these:</source>
        <translation>尚不清楚 Stripe 是否已执行以下操作：</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="94"/>
        <source>Unsettled</source>
        <translation>结果未定</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="98"/>
        <source>Search action, object, key, request id…</source>
        <translation>搜索操作、对象、键、请求 ID…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="105"/>
        <source>All outcomes</source>
        <translation>所有结果</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="106"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="107"/>
        <source>Unknown (retry with the same key)</source>
        <translation>未知（使用同一键重试）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="139"/>
        <source>Event id (evt_…)</source>
        <translation>事件 ID（evt_…）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="141"/>
        <source>All objects</source>
        <translation>所有对象</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="145"/>
        <source>Object id (pi_…, cus_…)</source>
        <translation>对象 ID（pi_…、cus_…）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="155"/>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="158"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="156"/>
        <source>Export this app&apos;s actions the list shows now</source>
        <translation>导出列表当前显示的本应用操作</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="159"/>
        <source>Export the Stripe events the list shows now</source>
        <translation>导出列表当前显示的 Stripe 事件</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="168"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="178"/>
        <source>This app&apos;s actions</source>
        <translation>本应用的操作</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="186"/>
        <source>Stripe events applied</source>
        <translation>已应用的 Stripe 事件</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="215"/>
        <source>%1 ago</source>
        <translation>%1前</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="273"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="274"/>
        <source>Idempotency key</source>
        <translation>幂等键</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="275"/>
        <source>Stripe request id</source>
        <translation>Stripe 请求 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="276"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/activity_panel.py" line="277"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/activity/activity_panel.py" line="314"/>
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 行到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddProfileDialog</name>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="36"/>
        <source>Add your Stripe key</source>
        <translation>添加您的 Stripe 密钥</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="45"/>
        <source>Paste a secret key (sk_…) or a restricted key (rk_…) from the Stripe Dashboard, Developers → API keys. It is checked with Stripe and kept in your system keyring, never in a file.</source>
        <translation>从 Stripe 控制台的“开发者 → API 密钥”粘贴密钥（sk_…）或受限密钥（rk_…）。密钥会经 Stripe 验证并保存在系统钥匙串中，绝不写入文件。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="49"/>
        <source>My shop</source>
        <translation>我的店铺</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="54"/>
        <source>Optional: a Stripe-compatible server URL</source>
        <translation>可选：兼容 Stripe 的服务器地址</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="56"/>
        <source>Empty means Stripe itself (https://api.stripe.com), the only server a live key is ever sent to. A test key may use a sandbox on this computer (http://localhost:…) or a server with an https:// address.</source>
        <translation>留空表示直接连接 Stripe（https://api.stripe.com），这是正式密钥唯一会被发送到的服务器。测试密钥可以使用本机上的沙盒（http://localhost:…）或使用 https:// 地址的服务器。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="60"/>
        <source>Profile name</source>
        <translation>配置名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="61"/>
        <source>Secret key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="62"/>
        <source>API base URL</source>
        <translation>API 基础地址</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="69"/>
        <source>Check and save</source>
        <translation>验证并保存</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="72"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="92"/>
        <source>Checking the key with Stripe…</source>
        <translation>正在向 Stripe 验证密钥…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/add_profile_dialog.py" line="113"/>
        <source>Connected to %1 (%2). The key is in your keyring.</source>
        <translation>已连接到 %1（%2）。密钥保存在您的系统钥匙串中。</translation>
    </message>
</context>
<context>
    <name>AppState</name>
    <message>
        <location filename="../../posapp/ui/common/app_state.py" line="173"/>
        <source>Stripe unreachable: try again when online.</source>
        <translation>无法连接 Stripe：请在联网后重试。</translation>
    </message>
</context>
<context>
    <name>ApplicationFeeListModel</name>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="149"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="150"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="151"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="154"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="157"/>
        <source>Charge</source>
        <translation>扣款</translation>
    </message>
</context>
<context>
    <name>AuditListModel</name>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="92"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="97"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="93"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="94"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="95"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="96"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="98"/>
        <source>Idempotency key</source>
        <translation>幂等键</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="99"/>
        <source>Stripe request id</source>
        <translation>Stripe 请求 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="100"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditOutcome</name>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="43"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="44"/>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="45"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="46"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="47"/>
        <source>Card declined</source>
        <translation>银行卡被拒</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="48"/>
        <source>Needs authentication</source>
        <translation>需要验证</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="49"/>
        <source>Refused by Stripe</source>
        <translation>被 Stripe 拒绝</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="50"/>
        <source>Key not accepted</source>
        <translation>密钥未被接受</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="51"/>
        <source>Not permitted</source>
        <translation>无权限</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="52"/>
        <source>Too many requests</source>
        <translation>请求过多</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="53"/>
        <source>Stripe unreachable</source>
        <translation>无法连接 Stripe</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="54"/>
        <source>Stripe unavailable</source>
        <translation>Stripe 暂不可用</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="55"/>
        <source>Repeated request refused</source>
        <translation>重复请求被拒绝</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="56"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/audit_list_model.py" line="58"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>BalancePanel</name>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="62"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="67"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="68"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="69"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="70"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="71"/>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="76"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="77"/>
        <source>Read the balance, recent balance transactions and payouts from Stripe</source>
        <translation>从 Stripe 读取余额、近期余额交易和提现</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="85"/>
        <source>Save the balance transactions the list shows as a CSV file</source>
        <translation>将列表中显示的余额交易保存为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="86"/>
        <source>%1 balance transactions saved to %2</source>
        <translation>已将 %1 笔余额交易保存到 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="88"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="90"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="119"/>
        <source>%1 available · %2 pending</source>
        <translation>可用 %1 · 待入账 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="123"/>
        <source>Balance not read yet: press Refresh.</source>
        <translation>尚未读取余额：请点击“刷新”。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="127"/>
        <source>Next payouts: %1</source>
        <translation>即将到账的提现：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="130"/>
        <source>No payout on its way.</source>
        <translation>没有在途的提现。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/balance_panel.py" line="137"/>
        <source>Reading from Stripe…</source>
        <translation>正在从 Stripe 读取…</translation>
    </message>
</context>
<context>
    <name>BalanceTransactionListModel</name>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="65"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="66"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="67"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="68"/>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="69"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="70"/>
        <source>Available on</source>
        <translation>可用日期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="73"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>BalanceType</name>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="28"/>
        <source>Charge</source>
        <translation>扣款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="29"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="30"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="31"/>
        <source>Payment refund</source>
        <translation>付款退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="32"/>
        <source>Refund failure</source>
        <translation>退款失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="33"/>
        <source>Dispute</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="34"/>
        <source>Payout</source>
        <translation>提现</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="35"/>
        <source>Payout failure</source>
        <translation>提现失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="36"/>
        <source>Transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="37"/>
        <source>Transfer reversal</source>
        <translation>转账撤回</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="38"/>
        <source>Application fee</source>
        <translation>平台服务费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="39"/>
        <source>Application fee refund</source>
        <translation>平台服务费退还</translation>
    </message>
</context>
<context>
    <name>CacheListView</name>
    <message>
        <location filename="../../posapp/ui/common/list_view.py" line="61"/>
        <source>Search name, e-mail, id, last 4…</source>
        <translation>搜索名称、电子邮箱、ID、卡号后四位…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/list_view.py" line="68"/>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/common/list_view.py" line="265"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="44"/>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="114"/>
        <source>Capture payment</source>
        <translation>请款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="55"/>
        <source>Paid with</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="56"/>
        <source>Authorised</source>
        <translation>已授权</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="57"/>
        <source>Capture by</source>
        <translation>请款截止</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="58"/>
        <source>Amount to capture</source>
        <translation>请款金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="60"/>
        <source>Capture…</source>
        <translation>请款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="77"/>
        <source>a walk-in customer</source>
        <translation>散客</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="81"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="87"/>
        <source>At most %1 can be captured.</source>
        <translation>最多可请款 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="99"/>
        <source>Capture %1 from %2?</source>
        <translation>向 %2 请款 %1？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="101"/>
        <source>Capture %1 of the %2 authorised from %3? The other %4 is released to the customer.</source>
        <translation>从 %3 已授权的 %2 中请款 %1？其余 %4 将退还给客户。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/capture_dialog.py" line="115"/>
        <source>This is a LIVE payment: %1 is taken from a real card. Capture it?</source>
        <translation>这是真实模式付款：将从真实银行卡扣取 %1。确定请款？</translation>
    </message>
</context>
<context>
    <name>CardLinkDialog</name>
    <message>
        <location filename="../../posapp/ui/widgets/card_link_dialog.py" line="23"/>
        <source>Collect a card</source>
        <translation>收集银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/card_link_dialog.py" line="29"/>
        <source>Save a card for %1</source>
        <translation>为 %1 保存银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/card_link_dialog.py" line="30"/>
        <source>Waiting for the customer to save a card on Stripe&apos;s page…</source>
        <translation>等待客户在 Stripe 页面上保存银行卡…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/card_link_dialog.py" line="31"/>
        <source>Save your card</source>
        <translation>保存您的银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/card_link_dialog.py" line="32"/>
        <source>Please save your card for future payments here:
%1</source>
        <translation>请在此保存您的银行卡，以便日后付款：
%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/card_link_dialog.py" line="34"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/card_link_dialog.py" line="37"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/card_link_dialog.py" line="45"/>
        <source>Card saved</source>
        <translation>银行卡已保存</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/card_link_dialog.py" line="46"/>
        <source>The customer can now be charged without the card.</source>
        <translation>现在无需银行卡即可向该客户扣款。</translation>
    </message>
</context>
<context>
    <name>CollectPanel</name>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="142"/>
        <source>Collect payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="147"/>
        <source>What is it for? The customer sees this.</source>
        <translation>用途是什么？客户会看到这段说明。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="152"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="155"/>
        <source>A payment page or link closes this long after it was shown</source>
        <translation>付款页面或链接在显示后经过这段时间即关闭</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="158"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="159"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="160"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="161"/>
        <source>Links expire after</source>
        <translation>链接有效期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="164"/>
        <source>Checkout page</source>
        <translation>结账页面</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="165"/>
        <source>Payment link</source>
        <translation>付款链接</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="166"/>
        <source>Show payment link and QR code</source>
        <translation>显示付款链接和二维码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="168"/>
        <source>The customer pays on Stripe&apos;s page (Ctrl+Enter)</source>
        <translation>客户在 Stripe 页面上付款（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="174"/>
        <source>Charge saved card</source>
        <translation>扣款已存银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="183"/>
        <source>due in </source>
        <translation>到期：</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="184"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="185"/>
        <source>Send invoice</source>
        <translation>发送账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="195"/>
        <source>Let the customer type a promotion code</source>
        <translation>允许客户输入优惠码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="196"/>
        <source>Record cash payment</source>
        <translation>记录现金付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="197"/>
        <source>Recorded at Stripe as an itemised invoice paid outside Stripe</source>
        <translation>在 Stripe 上记录为逐项列明、在 Stripe 之外付清的账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="202"/>
        <source>80 mm receipt</source>
        <translation>80 毫米收据</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="203"/>
        <source>A4 receipt</source>
        <translation>A4 收据</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="204"/>
        <source>Save receipt PDF…</source>
        <translation>保存收据 PDF…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="205"/>
        <source>Lines, tax, tip, total and a QR code of Stripe&apos;s receipt page</source>
        <translation>商品明细、税费、小费、合计以及 Stripe 收据页面的二维码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="207"/>
        <source>Print receipt…</source>
        <translation>打印收据…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="219"/>
        <source>Charge again</source>
        <translation>再次扣款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="220"/>
        <source>Don&apos;t charge</source>
        <translation>不扣款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="265"/>
        <source>Enter an amount, then show the QR code to the customer, charge a saved card or send an invoice.</source>
        <translation>输入金额后，可向客户出示二维码、扣款已存银行卡或发送账单。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="335"/>
        <source>Answer the question below first.</source>
        <translation>请先回答下方的问题。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="338"/>
        <source>A payment request is open: cancel it to change the sale.</source>
        <translation>有一个付款请求尚未关闭：如需修改本笔交易，请先取消它。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="340"/>
        <source>The reader is collecting this sale: cancel it to change the sale.</source>
        <translation>读卡器正在收取本笔交易：如需修改本笔交易，请先取消。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="341"/>
        <source>This sale is paid: press New sale for the next one.</source>
        <translation>本笔交易已付款：请按“新交易”开始下一笔。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="342"/>
        <source>This sale is invoiced: press New sale for the next one.</source>
        <translation>本笔交易已开具发票：请按“新交易”开始下一笔。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="343"/>
        <source>This sale is over: press New sale for the next one.</source>
        <translation>本笔交易已结束：请按“新交易”开始下一笔。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="344"/>
        <source>We don&apos;t know yet whether this sale was paid: check again first.</source>
        <translation>尚不清楚本笔交易是否已付款：请先再次核实。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="359"/>
        <source>The cart has a discount or a tip: a code typed on Stripe&apos;s page would discount the tip or clash with the discount.</source>
        <translation>购物车已有折扣或小费：在 Stripe 页面上输入的优惠码会让小费也打折，或与现有折扣冲突。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="371"/>
        <source>Enter an amount first.</source>
        <translation>请先输入金额。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="373"/>
        <source>Describe what the payment is for.</source>
        <translation>请说明付款用途。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="454"/>
        <source>Cart total %1: lines, discount, tax and tip from the sale screen.</source>
        <translation>购物车合计 %1：商品、折扣、税费和小费来自销售界面。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="642"/>
        <source>This payment needs the customer to confirm it with their bank: send them this page to pay.</source>
        <translation>这笔付款需要顾客向其银行确认：请把此页面发给顾客完成付款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="692"/>
        <source>Recording the cash payment…</source>
        <translation>正在记录现金付款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="698"/>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="702"/>
        <source>The cash payment may or may not have been recorded.</source>
        <translation>现金付款可能已记录，也可能未记录。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="709"/>
        <source>Paid in cash</source>
        <translation>已现金付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="760"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="876"/>
        <source>The payment request may or may not have been closed.</source>
        <translation>付款请求可能已关闭，也可能没有。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="891"/>
        <source>The payment request for %1 was closed; it can no longer be paid.</source>
        <translation>%1 的付款请求已关闭，无法再付款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="333"/>
        <source>Busy…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="378"/>
        <source>Choose a customer with a saved card.</source>
        <translation>请选择有已存银行卡的客户。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="379"/>
        <source>This customer has no saved card: use “Collect a card” in Customers.</source>
        <translation>该客户没有已存银行卡：请在“客户”中使用“收集银行卡”。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="382"/>
        <source>Choose a customer with an e-mail address to send an invoice.</source>
        <translation>请选择有电子邮箱的客户以发送账单。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="383"/>
        <source>A cart is paid by page, saved card, card reader or cash.</source>
        <translation>购物车可通过支付页面、已保存的卡、读卡器或现金付款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="504"/>
        <source>We don&apos;t know yet whether this went through</source>
        <translation>尚不清楚这笔操作是否成功</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="505"/>
        <source>%1 Stripe did not answer. PosApp checks again with the same request, which cannot charge twice; the sale stays open until then.</source>
        <translation>%1 Stripe 没有答复。PosApp 会用同一个请求再次核实，不会重复扣款；在此之前本笔交易保持未结。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="521"/>
        <source>%1 paid %2 %3 ago. Charge again?</source>
        <translation>%1 在 %3前已付款 %2。要再次扣款吗？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="540"/>
        <source>Not charged again.</source>
        <translation>未再次扣款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="567"/>
        <source>Creating the payment page…</source>
        <translation>正在创建付款页面…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="572"/>
        <source>The payment page may or may not have been made.</source>
        <translation>付款页面可能已创建，也可能没有。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="598"/>
        <source>Charging %1…</source>
        <translation>正在扣款 %1…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="617"/>
        <source>The charge of %1 may or may not have been made.</source>
        <translation>%1 的扣款可能已完成，也可能没有。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="631"/>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="853"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="633"/>
        <source>Paid, the bank is still confirming</source>
        <translation>已付款，银行仍在确认</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="636"/>
        <source>Declined: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="658"/>
        <source>Sending the invoice…</source>
        <translation>正在发送账单…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="663"/>
        <source>The invoice may or may not have been sent.</source>
        <translation>发票可能已发送，也可能没有。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="667"/>
        <source>Invoice %1 for %2 sent to %3, due %4.</source>
        <translation>账单 %1（%2）已发送至 %3，到期日 %4。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="677"/>
        <source>Invoice sent</source>
        <translation>发票已发送</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="784"/>
        <source>Scan to pay</source>
        <translation>扫码付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="785"/>
        <source>Waiting for the customer to pay on Stripe&apos;s page…</source>
        <translation>等待客户在 Stripe 页面上付款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="786"/>
        <source>Payment request: %1</source>
        <translation>付款请求：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="787"/>
        <source>Please pay %1 for “%2” here:
%3</source>
        <translation>请在此支付 %1（“%2”）：
%3</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="805"/>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="969"/>
        <source>Payment received on a closed request: %1 for “%2”. It is in the latest payments.</source>
        <translation>已关闭的付款请求收到了付款：“%2”%1。它已列在最近付款中。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/collect_panel.py" line="839"/>
        <source>Not paid</source>
        <translation>未付款</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../posapp/ui/common/confirm.py" line="20"/>
        <source>This is LIVE mode: it happens for real. Go ahead?</source>
        <translation>这是正式模式：操作会真实生效。继续吗？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/confirm.py" line="22"/>
        <source>Live mode</source>
        <translation>正式模式</translation>
    </message>
</context>
<context>
    <name>ConnectPanel</name>
    <message>
        <location filename="../../posapp/ui/backoffice/connect_panel.py" line="82"/>
        <source>Connected accounts</source>
        <translation>关联账户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/connect_panel.py" line="83"/>
        <source>Application fees</source>
        <translation>平台服务费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/connect_panel.py" line="84"/>
        <source>Transfers</source>
        <translation>转账</translation>
    </message>
</context>
<context>
    <name>CouponsTab</name>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="85"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="88"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="85"/>
        <source>Off</source>
        <translation>优惠</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="85"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="125"/>
        <source>Duration</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="86"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="88"/>
        <source>Redeemed</source>
        <translation>已使用</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="86"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="127"/>
        <source>Redeem by</source>
        <translation>兑换截止</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="87"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="90"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="88"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="89"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="142"/>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="89"/>
        <source>Restrictions</source>
        <translation>限制条件</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="94"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="118"/>
        <source>Percent off</source>
        <translation>折扣百分比</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="95"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="119"/>
        <source>Amount off</source>
        <translation>减免金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="100"/>
        <source>e.g. EUR 4.50, JPY 700</source>
        <translation>例如 EUR 4.50, JPY 700</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="101"/>
        <source>The amount off in other currencies, for carts in those currencies</source>
        <translation>其他币种的减免金额，用于以这些币种结算的购物车</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="104"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="207"/>
        <source>Once</source>
        <translation>一次</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="105"/>
        <source>Several months</source>
        <translation>数月</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="106"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="207"/>
        <source>Forever</source>
        <translation>永久</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="107"/>
        <source>How long a subscription keeps the discount; a sale at the counter is discounted once</source>
        <translation>订阅享受折扣的时长；柜台销售只折扣一次</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="112"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="132"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="113"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="133"/>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="114"/>
        <source>Create coupon</source>
        <translation>创建优惠券</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="116"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="117"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="120"/>
        <source>Other currencies</source>
        <translation>其他币种</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="124"/>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="126"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="141"/>
        <source>Times it can be used</source>
        <translation>可使用次数</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="131"/>
        <source>e.g. SUMMER10</source>
        <translation>例如 SUMMER10</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="134"/>
        <source>First order only</source>
        <translation>仅限首单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="138"/>
        <source>Create code for the selected coupon</source>
        <translation>为所选优惠券创建代码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="140"/>
        <source>Promotion code</source>
        <translation>促销代码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="144"/>
        <source>Minimum order</source>
        <translation>最低订单金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="147"/>
        <source>Delete coupon</source>
        <translation>删除优惠券</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="148"/>
        <source>A deleted coupon cannot be redeemed again, nor its codes; past discounts stay</source>
        <translation>已删除的优惠券及其代码不能再使用；以往的折扣保留</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="150"/>
        <source>Deactivate code</source>
        <translation>停用代码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="152"/>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="153"/>
        <source>Promotion codes</source>
        <translation>促销代码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="194"/>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="206"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n 个月</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="220"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="230"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="222"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="232"/>
        <source>Used up</source>
        <translation>已用完</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="223"/>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="233"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="223"/>
        <source>Not valid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="228"/>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="234"/>
        <source>Coupon not valid</source>
        <translation>优惠券无效</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="235"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="241"/>
        <source>first order</source>
        <translation>首单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="243"/>
        <source>from %1</source>
        <translation>满 %1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="256"/>
        <source>Write other currencies as a code and an amount, e.g. EUR 4.50, JPY 700.</source>
        <translation>其他币种请写成代码加金额，例如 EUR 4.50, JPY 700。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="274"/>
        <source>Type the percentage off, e.g. 10.</source>
        <translation>请输入折扣百分比，例如 10。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="281"/>
        <source>Type the amount off.</source>
        <translation>请输入减免金额。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="286"/>
        <source>Coupon created.</source>
        <translation>优惠券已创建。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="303"/>
        <source>Select the coupon the code is for.</source>
        <translation>请选择该代码所属的优惠券。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="307"/>
        <source>Type the minimum order amount, or leave it empty.</source>
        <translation>请输入最低订单金额，或留空。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="310"/>
        <source>Promotion code created.</source>
        <translation>促销代码已创建。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="326"/>
        <source>Select the code to deactivate.</source>
        <translation>请选择要停用的代码。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="328"/>
        <source>Code deactivated.</source>
        <translation>代码已停用。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="335"/>
        <source>Select the coupon to delete.</source>
        <translation>请选择要删除的优惠券。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/coupons_tab.py" line="337"/>
        <source>Coupon deleted: it and its codes can no longer be redeemed.</source>
        <translation>优惠券已删除：它及其代码不能再使用。</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../../posapp/ui/shell/crash.py" line="94"/>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/crash.py" line="95"/>
        <source>PosApp keeps running; the details are in %1.</source>
        <translation>PosApp 仍在运行；详细信息见 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/crash.py" line="97"/>
        <source>PosApp hit a problem</source>
        <translation>PosApp 遇到问题</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/crash.py" line="100"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <location filename="../../posapp/ui/common/csv_export.py" line="64"/>
        <source>Export to CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/csv_export.py" line="66"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/csv_export.py" line="94"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/csv_export.py" line="99"/>
        <source>Export canceled: no file was written.</source>
        <translation>导出已取消：未写入任何文件。</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="66"/>
        <source>Save changes</source>
        <translation>保存更改</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="83"/>
        <source>Make default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="84"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="85"/>
        <source>Collect a card…</source>
        <translation>收集银行卡…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="86"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="104"/>
        <source>Cards are saved by the customer on a Stripe-hosted page; PosApp never sees the card number.</source>
        <translation>银行卡由客户在 Stripe 托管页面上保存；PosApp 永远看不到卡号。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="116"/>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="117"/>
        <source>Cards</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="118"/>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="119"/>
        <source>Invoices</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="120"/>
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="150"/>
        <source>Select a card first.</source>
        <translation>请先选择一张银行卡。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="160"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_detail.py" line="191"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../posapp/ui/customers/customer_dialog.py" line="27"/>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_dialog.py" line="27"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_dialog.py" line="63"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="48"/>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="50"/>
        <source>+86 10 1234 5678</source>
        <translation>+86 10 1234 5678</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="53"/>
        <source>Street and number</source>
        <translation>街道和门牌号</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="54"/>
        <source>Two-letter code, e.g. US, CN</source>
        <translation>两位字母代码，例如 US、CN</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="57"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="58"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="59"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="60"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="61"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="61"/>
        <source>Address line 2</source>
        <translation>地址第二行</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="62"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="62"/>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="63"/>
        <source>State / province</source>
        <translation>州 / 省</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="63"/>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="68"/>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="68"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="73"/>
        <source>Add metadata</source>
        <translation>添加元数据</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="75"/>
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="78"/>
        <source>Up to %1 keys; keys up to %2 characters, values up to %3.</source>
        <translation>最多 %1 个键；键最长 %2 个字符，值最长 %3 个字符。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_form.py" line="93"/>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../posapp/ui/customers/customer_list_model.py" line="35"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_list_model.py" line="35"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_list_model.py" line="36"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_list_model.py" line="38"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_list_model.py" line="39"/>
        <source>Default card</source>
        <translation>默认银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_list_model.py" line="42"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customer_list_model.py" line="44"/>
        <source>Open invoices</source>
        <translation>未付账单</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../../posapp/ui/widgets/customer_picker.py" line="35"/>
        <source>Optional: type a customer&apos;s name, e-mail or id</source>
        <translation>可选：输入客户名称、电子邮箱或 ID</translation>
    </message>
</context>
<context>
    <name>CustomersPanel</name>
    <message>
        <location filename="../../posapp/ui/customers/customers_panel.py" line="52"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customers_panel.py" line="55"/>
        <location filename="../../posapp/ui/customers/customers_panel.py" line="126"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customers_panel.py" line="59"/>
        <source>Export the customers the list shows now</source>
        <translation>导出列表当前显示的客户</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/customers/customers_panel.py" line="60"/>
        <source>%n customer(s) exported to %1.</source>
        <translation>
            <numerusform>已导出 %n 位客户到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customers_panel.py" line="65"/>
        <source>Select a customer to see and edit it.</source>
        <translation>选择一位客户以查看和编辑。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customers_panel.py" line="99"/>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customers_panel.py" line="100"/>
        <source>Delete %1 for good? Stripe cancels their subscriptions at once and this cannot be undone.</source>
        <translation>永久删除 %1？Stripe 会立即取消其订阅，此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customers_panel.py" line="119"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customers_panel.py" line="121"/>
        <source>Collect a card…</source>
        <translation>收集银行卡…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/customers/customers_panel.py" line="124"/>
        <source>Refund a payment…</source>
        <translation>退款…</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="219"/>
        <source>Today&apos;s net takings</source>
        <translation>今日净收入</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="221"/>
        <source>This month&apos;s net takings</source>
        <translation>本月净收入</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="223"/>
        <source>Payment success rate (30 days)</source>
        <translation>付款成功率（30 天）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="225"/>
        <source>Refunds this month</source>
        <translation>本月退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="227"/>
        <source>Open disputes</source>
        <translation>未结争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="228"/>
        <source>Monthly recurring revenue</source>
        <translation>每月经常性收入</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="230"/>
        <source>Past-due subscriptions</source>
        <translation>逾期订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="232"/>
        <source>Open invoices</source>
        <translation>未付账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="250"/>
        <source>Reading the cache…</source>
        <translation>正在读取缓存…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="300"/>
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n 笔付款</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="308"/>
        <source>Net volume after fees: %1</source>
        <translation>扣除手续费后的净额：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="312"/>
        <source>%1 succeeded, %2 failed</source>
        <translation>%1 笔成功，%2 笔失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="316"/>
        <source>%1 refunded, %2 pending, %3 failed</source>
        <translation>%1 笔已退款，%2 笔处理中，%3 笔失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="322"/>
        <source>%1 open, %2 need a response</source>
        <translation>%1 个未结，%2 个待回应</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="327"/>
        <source>%n active subscription(s)</source>
        <translation>
            <numerusform>%n 个有效订阅</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="329"/>
        <source>retrying or waiting for a new card</source>
        <translation>正在重试或等待新银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="332"/>
        <source>%1 open, %2 overdue (%3)</source>
        <translation>%1 张未付，%2 张逾期（%3）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="338"/>
        <source>From the offline cache; last synced %1.</source>
        <translation>来自离线缓存；上次同步 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="339"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="353"/>
        <source>d MMM</source>
        <comment>a day under the takings chart, as a QDate format</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="355"/>
        <source>Takings per day, %1</source>
        <translation>每日收入，%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="361"/>
        <source>MRR per month, %1</source>
        <translation>每月经常性收入，%1</translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <location filename="../../posapp/ui/common/dialog_parts.py" line="79"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
</context>
<context>
    <name>DisputeCountdown</name>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="81"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="85"/>
        <source>%n hour(s) left</source>
        <translation>
            <numerusform>还剩 %n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="86"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>还剩 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisputeDetail</name>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="67"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="68"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="69"/>
        <source>Respond by</source>
        <translation>回应截止</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="70"/>
        <source>Disputed payment</source>
        <translation>有争议的付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="71"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="82"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="83"/>
        <source>Customer&apos;s history</source>
        <translation>客户历史</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="85"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="86"/>
        <source>Submit evidence…</source>
        <translation>提交证据…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="87"/>
        <source>Accept dispute…</source>
        <translation>接受争议…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="141"/>
        <source>This dispute no longer takes evidence (%1).</source>
        <translation>此争议不再接受证据（%1）。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="161"/>
        <source>Draft saved. You can change it until you submit.</source>
        <translation>草稿已保存。提交前可以修改。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="167"/>
        <source>Submit evidence</source>
        <translation>提交证据</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="169"/>
        <source>This is a LIVE dispute: the bank receives this evidence. Submit?</source>
        <translation>这是正式争议：银行将收到此证据。确定提交吗？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="187"/>
        <source>Evidence submitted on %1: %2.</source>
        <translation>证据已于 %1 提交：%2。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="188"/>
        <source>Evidence submitted: %2.</source>
        <translation>证据已提交：%2。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="189"/>
        <source>no text</source>
        <translation>无文字</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="191"/>
        <source>It was due by %1.</source>
        <translation>截止时间为 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="194"/>
        <source>Decision: %1.</source>
        <translation>裁决结果：%1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="196"/>
        <source>The bank is reviewing it; Stripe reports its decision here.</source>
        <translation>银行正在审核；Stripe 给出裁决后会显示在这里。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="201"/>
        <source>• %1: %n character(s)</source>
        <translation>
            <numerusform>• %1：%n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="204"/>
        <source>Submit this evidence for the dispute of %1?</source>
        <translation>为 %1 的争议提交此证据？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="206"/>
        <source>(no evidence text)</source>
        <translation>（无证据文本）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="207"/>
        <source>Evidence can be submitted only once: it cannot be changed afterwards.</source>
        <translation>证据只能提交一次：提交后无法修改。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="213"/>
        <source>Accept this dispute? %1 stays with the cardholder and the dispute is lost. This cannot be undone.</source>
        <translation>接受此争议？%1 将归持卡人所有，争议判负。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="217"/>
        <source>Accept dispute</source>
        <translation>接受争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="218"/>
        <source>This is a LIVE dispute: %1 is lost for real. Accept it?</source>
        <translation>这是正式争议：%1 将真实损失。确定接受吗？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="223"/>
        <source>Dispute accepted.</source>
        <translation>已接受争议。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="231"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="280"/>
        <source>No customer on file for this payment.</source>
        <translation>此付款没有关联客户。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="293"/>
        <source>disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="295"/>
        <source>refunded %1</source>
        <translation>已退款 %1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_detail.py" line="306"/>
        <source>%1 paid payments, %2 disputed, %3 fully refunded</source>
        <translation>%1 笔已付款，%2 笔有争议，%3 笔已全额退款</translation>
    </message>
</context>
<context>
    <name>DisputeListModel</name>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="122"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="123"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="124"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="126"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="127"/>
        <source>Respond by</source>
        <translation>回应截止</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="130"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="132"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
</context>
<context>
    <name>DisputeReason</name>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="50"/>
        <source>Fraudulent</source>
        <translation>欺诈</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="51"/>
        <source>Duplicate</source>
        <translation>重复付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="52"/>
        <source>Product not received</source>
        <translation>未收到商品</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="54"/>
        <source>Product unacceptable</source>
        <translation>商品不合格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="56"/>
        <source>Subscription canceled</source>
        <translation>订阅已取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="58"/>
        <source>Credit not processed</source>
        <translation>未处理退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="60"/>
        <source>Unrecognized</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="61"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
</context>
<context>
    <name>DisputeStatus</name>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="34"/>
        <source>Needs response</source>
        <translation>待回应</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="35"/>
        <source>Under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="36"/>
        <source>Won</source>
        <translation>胜诉</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="37"/>
        <source>Lost</source>
        <translation>败诉</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="38"/>
        <source>Inquiry: needs response</source>
        <translation>询问：待回应</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="40"/>
        <source>Inquiry: under review</source>
        <translation>询问：审核中</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/dispute_list_model.py" line="42"/>
        <source>Inquiry closed</source>
        <translation>询问已结束</translation>
    </message>
</context>
<context>
    <name>DisputesPanel</name>
    <message>
        <location filename="../../posapp/ui/disputes/disputes_panel.py" line="50"/>
        <source>Export the disputes the list shows now</source>
        <translation>导出列表当前显示的争议</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/disputes/disputes_panel.py" line="51"/>
        <source>%n dispute(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %n 个争议导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/disputes_panel.py" line="67"/>
        <source>Open payment</source>
        <translation>打开付款</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="51"/>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="52"/>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="53"/>
        <source>“%1” is not an amount (decimals go after “%2”).</source>
        <translation>“%1”不是有效金额（小数点请用“%2”）。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="54"/>
        <source>Enter an amount greater than zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="55"/>
        <source>The amount must be no more than %1.</source>
        <translation>金额不能超过 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="56"/>
        <source>%1 has no decimal places.</source>
        <translation>%1 没有小数位。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="57"/>
        <source>%1 allows at most %2 decimal places.</source>
        <translation>%1 最多允许 %2 位小数。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="58"/>
        <source>%1 amounts go in steps of %2.</source>
        <translation>%1 金额须以 %2 为单位递增。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="59"/>
        <source>The minimum charge in %1 is %2.</source>
        <translation>%1 的最低收费金额为 %2。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="60"/>
        <source>The amount is not a whole number of cents.</source>
        <translation>金额不是以最小货币单位表示的整数。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="61"/>
        <source>Quantities must be at least 1.</source>
        <translation>数量至少为 1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="63"/>
        <source>%1 is more than can be refunded: %2 of %3 remains (%4 already refunded).</source>
        <translation>%1 超过可退款金额：%3 中尚余 %2（已退款 %4）。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="65"/>
        <source>Nothing is left to refund on this payment of %1 (%2 already refunded).</source>
        <translation>这笔 %1 的付款已无可退金额（已退款 %2）。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="67"/>
        <source>Nothing is left to refund on this payment of %1.</source>
        <translation>这笔 %1 的付款已无可退金额。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="69"/>
        <source>This payment did not succeed; there is nothing to refund.</source>
        <translation>这笔付款未成功，没有可退款的金额。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="71"/>
        <source>This payment is not captured yet: cancel it to release the hold instead.</source>
        <translation>这笔付款尚未请款：请取消付款以释放预授权。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="73"/>
        <source>This payment is disputed: respond to the dispute instead of refunding.</source>
        <translation>这笔付款存在争议：请回应争议，而不是退款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="75"/>
        <source>This payment has no successful charge to refund.</source>
        <translation>这笔付款没有可退款的成功扣款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="77"/>
        <source>“%1” is not an e-mail address.</source>
        <translation>“%1”不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="78"/>
        <source>“%1” is not a phone number.</source>
        <translation>“%1”不是有效的电话号码。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="79"/>
        <source>Stripe keeps at most %1 metadata keys; this would make %2.</source>
        <translation>Stripe 最多保存 %1 个元数据键；此操作将达到 %2 个。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="81"/>
        <source>A metadata key cannot be empty.</source>
        <translation>元数据键不能为空。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="82"/>
        <source>Metadata key “%1” has %2 characters; Stripe allows %3.</source>
        <translation>元数据键“%1”有 %2 个字符；Stripe 最多允许 %3 个。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="84"/>
        <source>Metadata key “%1” cannot contain square brackets.</source>
        <translation>元数据键“%1”不能包含方括号。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="86"/>
        <source>The value of metadata key “%1” has %2 characters; Stripe allows %3.</source>
        <translation>元数据键“%1”的值有 %2 个字符；Stripe 最多允许 %3 个。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="88"/>
        <source>“%1” is not an evidence field PosApp can send.</source>
        <translation>“%1”不是 PosApp 可以提交的证据字段。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="90"/>
        <source>%1 has %2 characters; Stripe allows %3.</source>
        <translation>%1 有 %2 个字符；Stripe 最多允许 %3 个。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="91"/>
        <source>All evidence together has %1 characters; Stripe allows %2.</source>
        <translation>全部证据共有 %1 个字符；Stripe 最多允许 %2 个。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="94"/>
        <source>Describe what the payment is for; the customer sees it.</source>
        <translation>请说明付款用途；客户会看到这段说明。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="96"/>
        <source>An invoice needs at least one item.</source>
        <translation>账单至少需要一个项目。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="97"/>
        <source>An invoice sent to the customer needs the number of days until due.</source>
        <translation>发送给客户的账单需要填写到期天数。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="99"/>
        <source>Choose at least one price.</source>
        <translation>请至少选择一个价格。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="100"/>
        <source>This subscription has several items: choose the one to change.</source>
        <translation>该订阅有多个项目：请选择要更改的项目。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="102"/>
        <source>Choose a new price or quantity.</source>
        <translation>请选择新的价格或数量。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="110"/>
        <source>Stripe knew of refunds this computer had not seen yet; the payment is updated.</source>
        <translation>Stripe 上有本机尚未获知的退款；付款信息已更新。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="117"/>
        <source>The card was declined. Ask for another card.</source>
        <translation>银行卡被拒。请客户换一张卡。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="119"/>
        <source>The card was declined: not enough funds. Ask for another card.</source>
        <translation>银行卡被拒：余额不足。请客户换一张卡。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="121"/>
        <source>The card was declined: it has expired. Ask for another card.</source>
        <translation>银行卡被拒：卡已过期。请客户换一张卡。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="123"/>
        <source>The card was declined: the security code is wrong.</source>
        <translation>银行卡被拒：安全码错误。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="125"/>
        <source>The card could not be processed: try again.</source>
        <translation>无法处理该银行卡：请重试。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="140"/>
        <source>Stripe unreachable: try again when online.</source>
        <translation>无法连接 Stripe：请在联网后重试。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="142"/>
        <source>Stripe did not accept this API key: check the key in the profile settings.</source>
        <translation>Stripe 不接受此 API 密钥：请在配置设置中检查密钥。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="145"/>
        <source>Stripe is receiving too many requests right now: try again in a moment.</source>
        <translation>Stripe 当前请求过多：请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="148"/>
        <source>The customer must authenticate this payment: send them the payment link.</source>
        <translation>客户必须验证这笔付款：请把付款链接发给客户。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="151"/>
        <source>The customer has no card on file: collect a card, or send an invoice instead.</source>
        <translation>该客户没有已存银行卡：请先收集银行卡，或改为发送账单。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="155"/>
        <source>Stripe could not find it: %1</source>
        <translation>Stripe 上找不到该对象：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="160"/>
        <source>This key lacks permission for %1: use a key with write access, or ask the account owner.</source>
        <translation>此密钥没有 %1 的权限：请使用有写入权限的密钥，或联系账户所有者。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="162"/>
        <source>this action</source>
        <translation>此操作</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/errors.py" line="166"/>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
</context>
<context>
    <name>EventListModel</name>
    <message>
        <location filename="../../posapp/ui/activity/event_list_model.py" line="37"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/event_list_model.py" line="38"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/event_list_model.py" line="39"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/event_list_model.py" line="40"/>
        <source>Event id</source>
        <translation>事件 ID</translation>
    </message>
</context>
<context>
    <name>EvidenceForm</name>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="94"/>
        <source>Product description</source>
        <translation>商品说明</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="95"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="96"/>
        <source>Customer e-mail</source>
        <translation>客户电子邮箱</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="97"/>
        <source>Billing address</source>
        <translation>账单地址</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="98"/>
        <source>Shipping carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="99"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="100"/>
        <source>Shipping date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="101"/>
        <source>Refund policy disclosure</source>
        <translation>退款政策说明</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="102"/>
        <source>Cancellation rebuttal</source>
        <translation>取消反驳说明</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="103"/>
        <source>Other information</source>
        <translation>其他信息</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="112"/>
        <source>Receipts and customer communication are files: upload them in the Stripe Dashboard, then describe them here.</source>
        <translation>收据和客户沟通记录是文件：请在 Stripe 控制台上传，然后在此处说明。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/disputes/evidence_form.py" line="171"/>
        <source>All evidence: %1 / %2 characters</source>
        <translation>全部证据：%1 / %2 个字符</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="81"/>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="150"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="83"/>
        <source>CSV (any spreadsheet, UTF-8)</source>
        <translation>CSV（任意电子表格，UTF-8）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="84"/>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel 工作簿 (XLSX)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="85"/>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="86"/>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="92"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="96"/>
        <source>Days and times in %1, the account&apos;s time zone</source>
        <translation>日期和时间按账户时区 %1 计算</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="98"/>
        <source>Days and times in this computer&apos;s time zone</source>
        <translation>日期和时间按本机时区计算</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="105"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="106"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="109"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="112"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="143"/>
        <source>%n row(s) to export</source>
        <translation>
            <numerusform>将导出 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="148"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/export_dialog.py" line="149"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>FeeNet</name>
    <message>
        <location filename="../../posapp/ui/common/format.py" line="112"/>
        <source>Fee %1 · net %2</source>
        <translation>手续费 %1 · 净额 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/format.py" line="116"/>
        <source>(available %1)</source>
        <translation>（%1 可用）</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../posapp/ui/widgets/filter_bar.py" line="64"/>
        <source>Min amount</source>
        <translation>最低金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/filter_bar.py" line="65"/>
        <source>Max amount</source>
        <translation>最高金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/filter_bar.py" line="66"/>
        <source>Card last 4</source>
        <translation>卡号后四位</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/filter_bar.py" line="71"/>
        <source>Created from</source>
        <translation>创建起始</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/filter_bar.py" line="73"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/filter_bar.py" line="89"/>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/filter_bar.py" line="153"/>
        <source>Not an amount</source>
        <translation>不是有效金额</translation>
    </message>
</context>
<context>
    <name>GuiController</name>
    <message>
        <location filename="../../posapp/ui/shell/controller.py" line="119"/>
        <source>Damaged files were repaired</source>
        <translation>已修复损坏的文件</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/controller.py" line="201"/>
        <source>Act as</source>
        <translation>以账户身份操作</translation>
    </message>
</context>
<context>
    <name>Interval</name>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="87"/>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="87"/>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="88"/>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="89"/>
        <source>year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="91"/>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="92"/>
        <source>%1 weeks</source>
        <translation>%1 周</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="93"/>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="94"/>
        <source>%1 years</source>
        <translation>%1 年</translation>
    </message>
</context>
<context>
    <name>InvoiceDetail</name>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="70"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="71"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="72"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="73"/>
        <source>Subscription</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="75"/>
        <source>Finalize</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="76"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="77"/>
        <source>Charge card…</source>
        <translation>银行卡扣款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="78"/>
        <source>Paid outside Stripe…</source>
        <translation>在 Stripe 之外支付…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="79"/>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="80"/>
        <source>Mark uncollectible…</source>
        <translation>标记为无法收回…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="81"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="82"/>
        <source>Open hosted page</source>
        <translation>打开托管页面</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="83"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="84"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="85"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="105"/>
        <source>Invoice</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="106"/>
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="107"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="122"/>
        <source>Draft invoice</source>
        <translation>账单草稿</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="131"/>
        <source>Charged automatically</source>
        <translation>自动扣款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="134"/>
        <source>%1 — overdue</source>
        <translation>%1 — 已逾期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="153"/>
        <source>The customer has no e-mail address.</source>
        <translation>该客户没有电子邮箱。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="172"/>
        <source>A draft has no hosted page until it is finalized.</source>
        <translation>草稿在定稿前没有托管页面。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="186"/>
        <source>Send invoice</source>
        <translation>发送发票</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="187"/>
        <source>E-mail invoice %1 of %2 to %3 (%4)? An e-mail cannot be taken back.</source>
        <translation>要将金额为 %2 的发票 %1 通过电子邮件发送给 %3（%4）吗？邮件发出后无法撤回。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="196"/>
        <source>Sent to %1.</source>
        <translation>已发送至 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="211"/>
        <source>Void invoice</source>
        <translation>作废账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="212"/>
        <source>Void invoice %1 of %2 for %3? It can no longer be paid, and this cannot be undone.</source>
        <translation>作废 %2 的账单 %1（%3）？作废后无法支付，且无法撤销。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="221"/>
        <source>Mark uncollectible</source>
        <translation>标记为无法收回</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="222"/>
        <source>Mark invoice %1 of %2 for %3 as uncollectible? It stays payable.</source>
        <translation>将 %2 的账单 %1（%3）标记为无法收回？该账单仍可支付。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="237"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="265"/>
        <source>Record that %1 paid %2 for invoice %3 outside Stripe (cash, bank transfer)? No card is charged.</source>
        <translation>记录 %1 已在 Stripe 之外（现金、银行转账）为账单 %3 支付 %2？不会从银行卡扣款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="267"/>
        <source>Paid outside Stripe</source>
        <translation>在 Stripe 之外支付</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="270"/>
        <source>their default card</source>
        <translation>其默认银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="271"/>
        <source>Charge %1 to %2&apos;s %3 for invoice %4?</source>
        <translation>为账单 %4 向 %2 的 %3 扣款 %1？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="272"/>
        <source>Charge card</source>
        <translation>银行卡扣款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="275"/>
        <source>This is LIVE: %1 is taken from a real card. Charge it?</source>
        <translation>这是正式模式：将从真实银行卡扣款 %1。确定扣款吗？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="332"/>
        <source>%1 paid outside Stripe</source>
        <translation>%1 在 Stripe 之外支付</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="341"/>
        <source>Created as draft</source>
        <translation>已创建为草稿</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="342"/>
        <source>Finalized</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="343"/>
        <source>Marked uncollectible</source>
        <translation>已标记为无法收回</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="344"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="345"/>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="363"/>
        <source>Link copied.</source>
        <translation>链接已复制。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="373"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_detail.py" line="373"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="59"/>
        <source>New invoice</source>
        <translation>新建账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="62"/>
        <source>Type a customer&apos;s name, e-mail or id</source>
        <translation>输入客户名称、电子邮箱或 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="68"/>
        <source>E-mail the invoice, due in</source>
        <translation>通过电子邮件发送账单，到期：</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="67"/>
        <source>Charge the customer&apos;s default card</source>
        <translation>从客户的默认银行卡扣款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="73"/>
        <source>Optional memo shown on the invoice</source>
        <translation>可选：显示在账单上的备忘</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="75"/>
        <source>Optional promotion code or coupon id</source>
        <translation>可选：促销代码或优惠券 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="78"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="78"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="79"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="86"/>
        <source>Add item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="92"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="93"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="94"/>
        <source>Collection</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="96"/>
        <source>Memo</source>
        <translation>备忘</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="97"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="99"/>
        <source>Create draft</source>
        <translation>创建草稿</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="83"/>
        <source>Remove this item</source>
        <translation>移除此项目</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="139"/>
        <source>Each item needs a description.</source>
        <translation>每个项目都需要说明。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="141"/>
        <source>Enter the unit price of “%1”.</source>
        <translation>请输入“%1”的单价。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="146"/>
        <source>Add at least one item.</source>
        <translation>请至少添加一个项目。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="168"/>
        <source>Choose the customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="171"/>
        <source>“%1” is neither an active promotion code nor a valid coupon.</source>
        <translation>“%1”既不是有效的促销代码，也不是有效的优惠券。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_dialog.py" line="192"/>
        <source>Creating the invoice…</source>
        <translation>正在创建账单…</translation>
    </message>
</context>
<context>
    <name>InvoiceListModel</name>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="69"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="70"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="70"/>
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="72"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="73"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="75"/>
        <source>Amount due</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="78"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="79"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="85"/>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
</context>
<context>
    <name>InvoicePdf</name>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="122"/>
        <source>Draft invoice</source>
        <translation>账单草稿</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="127"/>
        <source>Invoice number</source>
        <translation>账单编号</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="128"/>
        <source>Date of issue</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="129"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="131"/>
        <source>Date due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="142"/>
        <source>%1 more lines are not in the offline copy.</source>
        <translation>另有 %1 行不在离线副本中。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="146"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="147"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="148"/>
        <source>Tax</source>
        <translation>税费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="149"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="150"/>
        <source>Amount paid</source>
        <translation>已付金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="151"/>
        <source>Amount due</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="161"/>
        <source>Pay online</source>
        <translation>在线支付</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_pdf.py" line="180"/>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
</context>
<context>
    <name>InvoiceStatus</name>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="27"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="28"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="29"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="30"/>
        <source>Uncollectible</source>
        <translation>无法收回</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoice_list_model.py" line="31"/>
        <source>Void</source>
        <translation>作废</translation>
    </message>
</context>
<context>
    <name>InvoicesPanel</name>
    <message>
        <location filename="../../posapp/ui/invoices/invoices_panel.py" line="49"/>
        <source>Search number, name, e-mail, id…</source>
        <translation>搜索编号、名称、电子邮箱、ID…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoices_panel.py" line="54"/>
        <source>New invoice</source>
        <translation>新建账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/invoices/invoices_panel.py" line="57"/>
        <source>Export the invoices the list shows now</source>
        <translation>导出列表当前显示的账单</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/invoices/invoices_panel.py" line="58"/>
        <source>%n invoice(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %n 张账单导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../posapp/ui/subscriptions/portal_link_dialog.py" line="25"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/portal_link_dialog.py" line="34"/>
        <source>Billing portal</source>
        <translation>账单门户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/portal_link_dialog.py" line="35"/>
        <source>Billing portal for %1</source>
        <translation>%1 的账单门户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/portal_link_dialog.py" line="36"/>
        <source>The customer manages their subscriptions, cards and invoices on Stripe&apos;s page. The link works for a short time only.</source>
        <translation>客户在 Stripe 页面上管理自己的订阅、银行卡和账单。该链接仅短时间有效。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/portal_link_dialog.py" line="39"/>
        <source>Manage your subscription</source>
        <translation>管理您的订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/portal_link_dialog.py" line="40"/>
        <source>You can manage your subscription, payment method and invoices here:
%1</source>
        <translation>您可以在此管理您的订阅、支付方式和账单：
%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/portal_link_dialog.py" line="49"/>
        <source>Invoice link</source>
        <translation>账单链接</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/portal_link_dialog.py" line="50"/>
        <source>Invoice for %1</source>
        <translation>%1 的账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/portal_link_dialog.py" line="51"/>
        <source>Your invoice</source>
        <translation>您的账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/portal_link_dialog.py" line="52"/>
        <source>Please pay your invoice here:
%1</source>
        <translation>请在此支付您的账单：
%1</translation>
    </message>
</context>
<context>
    <name>LinkView</name>
    <message>
        <location filename="../../posapp/ui/widgets/link_view.py" line="48"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/link_view.py" line="49"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/link_view.py" line="50"/>
        <source>E-mail…</source>
        <translation>发送邮件…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/link_view.py" line="51"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/link_view.py" line="81"/>
        <source>New sale</source>
        <translation>新交易</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/link_view.py" line="84"/>
        <source>Check again</source>
        <translation>再次核实</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/link_view.py" line="161"/>
        <source>Link copied.</source>
        <translation>链接已复制。</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <location filename="../../posapp/ui/widgets/list_panel.py" line="102"/>
        <source>Any customer</source>
        <translation>任意客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/list_panel.py" line="92"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/list_panel.py" line="315"/>
        <source>Copy id</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/widgets/list_panel.py" line="317"/>
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="112"/>
        <source>test mode</source>
        <translation>测试模式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="112"/>
        <source>LIVE</source>
        <translation>正式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="113"/>
        <source>demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="114"/>
        <source>PosApp — %1 (%2)</source>
        <translation>PosApp — %1（%2）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="163"/>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="164"/>
        <source>Collect payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="165"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="166"/>
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="167"/>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="169"/>
        <source>Invoices</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="170"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="171"/>
        <source>Disputes</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="172"/>
        <source>Activity</source>
        <translation>动态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="173"/>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="174"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="175"/>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="176"/>
        <source>Payouts</source>
        <translation>提现</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="177"/>
        <source>Connect</source>
        <translation>关联账户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/main_window.py" line="265"/>
        <source>Finish the sale on the collect screen first.</source>
        <translation>请先在收款界面完成当前销售。</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="41"/>
        <source>New connected account</source>
        <translation>新建关联账户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="48"/>
        <source>Business name</source>
        <translation>商户名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="49"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/accounts_panel.py" line="50"/>
        <source>Dashboard</source>
        <translation>控制台</translation>
    </message>
</context>
<context>
    <name>NextCharge</name>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="52"/>
        <source>No further invoices: the subscription has ended.</source>
        <translation>不再有账单：订阅已结束。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="54"/>
        <source>No next invoice: the subscription cancels on %1.</source>
        <translation>没有下一张账单：订阅将于 %1 取消。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="57"/>
        <source>No charge while the subscription is paused: resuming it starts a new period.</source>
        <translation>订阅暂停期间不会扣款：恢复后将开始新的周期。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="60"/>
        <source>No charge while collection is paused (until %1).</source>
        <translation>暂停收款期间不会扣款（至 %1）。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="63"/>
        <source>No charge while collection is paused (until you resume it).</source>
        <translation>暂停收款期间不会扣款（直到您恢复收款）。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="66"/>
        <source>First charge when the trial ends on %1: %2</source>
        <translation>试用期于 %1 结束时首次扣款：%2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="68"/>
        <source>Invoice e-mailed on %1: %2</source>
        <translation>将于 %1 通过电子邮件发送账单：%2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="70"/>
        <source>Charged to the default card on %1: %2</source>
        <translation>将于 %1 从默认银行卡扣款：%2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="72"/>
        <source>Next invoice: %2</source>
        <translation>下一张账单：%2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="75"/>
        <source>(at list prices, before discounts and tax)</source>
        <translation>（按标价计算，未计折扣和税费）</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="36"/>
        <source>Payment received: %1 %2</source>
        <translation>已收到付款：%1 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="40"/>
        <source>Payment failed: %1 — %2</source>
        <translation>付款失败：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="42"/>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="44"/>
        <source>Checkout completed: %1 %2</source>
        <translation>结账完成：%1 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="48"/>
        <source>Refund succeeded: %1</source>
        <translation>退款成功：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="51"/>
        <source>Refund failed: %1 — %2</source>
        <translation>退款失败：%1 — %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="54"/>
        <source>Dispute opened: %1, evidence due %2</source>
        <translation>新争议：%1，证据截止 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="58"/>
        <source>Invoice payment failed: %1 %2</source>
        <translation>账单付款失败：%1 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="62"/>
        <source>Subscription canceled: %1</source>
        <translation>订阅已取消：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="65"/>
        <source>Refreshing the whole cache from Stripe: %1</source>
        <translation>正在从 Stripe 刷新全部缓存：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="69"/>
        <source>Back online</source>
        <translation>已恢复在线</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/notices.py" line="70"/>
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
</context>
<context>
    <name>ObjectDetail</name>
    <message>
        <location filename="../../posapp/ui/activity/object_detail.py" line="33"/>
        <source>Copy id</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/object_detail.py" line="35"/>
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/activity/object_detail.py" line="53"/>
        <source>Select a row to see its details.</source>
        <translation>选择一行以查看详情。</translation>
    </message>
</context>
<context>
    <name>OpenRequestsView</name>
    <message>
        <location filename="../../posapp/ui/payments/open_requests_view.py" line="22"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/open_requests_view.py" line="23"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/open_requests_view.py" line="35"/>
        <source>Open payment requests</source>
        <translation>未关闭的付款请求</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/open_requests_view.py" line="67"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/open_requests_view.py" line="68"/>
        <source>Close this request at Stripe so it cannot be paid</source>
        <translation>在 Stripe 关闭此请求，使其无法再付款</translation>
    </message>
</context>
<context>
    <name>PaymentDetail</name>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="67"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="68"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="69"/>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="70"/>
        <source>Fee and net</source>
        <translation>手续费与净额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="71"/>
        <source>Refunds / disputes</source>
        <translation>退款 / 争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="72"/>
        <source>IDs</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="75"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="78"/>
        <source>Cancel payment…</source>
        <translation>取消付款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="79"/>
        <source>Copy ids</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="80"/>
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="81"/>
        <source>Receipt PDF…</source>
        <translation>收据 PDF…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="82"/>
        <source>Reprint the receipt (works offline, from the cache)</source>
        <translation>重新打印收据（可离线使用，来自缓存）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="84"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="85"/>
        <source>Print the receipt (works offline, from the cache)</source>
        <translation>打印收据（离线也可，来自缓存）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="104"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="125"/>
        <source>Refunded %1</source>
        <translation>已退款 %1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="128"/>
        <source>Disputed</source>
        <translation>有争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="179"/>
        <source>Cancel this payment of %1? An authorization is released; this cannot be undone.</source>
        <translation>取消这笔 %1 的付款？预授权将被释放，此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="178"/>
        <source>Cancel payment</source>
        <translation>取消付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="77"/>
        <source>Capture…</source>
        <translation>请款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="181"/>
        <source>This is a LIVE payment. Cancel it for real?</source>
        <translation>这是一笔正式付款。确定要取消吗？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="186"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="215"/>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_detail.py" line="246"/>
        <source>No events cached for this payment: PosApp records events from its first sync on, and Stripe keeps them for 30 days.</source>
        <translation>此付款没有缓存的事件：PosApp 从首次同步起记录事件，Stripe 会保留事件 30 天。</translation>
    </message>
</context>
<context>
    <name>PaymentListModel</name>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="122"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="123"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="124"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="127"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="129"/>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="131"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="159"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="161"/>
        <source>Partly refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="163"/>
        <source>Disputed</source>
        <translation>有争议</translation>
    </message>
</context>
<context>
    <name>PaymentMethodListModel</name>
    <message>
        <location filename="../../posapp/ui/payments/payment_method_list_model.py" line="45"/>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_method_list_model.py" line="46"/>
        <source>Expires</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_method_list_model.py" line="47"/>
        <location filename="../../posapp/ui/payments/payment_method_list_model.py" line="48"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
</context>
<context>
    <name>PaymentStatus</name>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="28"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="29"/>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="30"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="31"/>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="32"/>
        <source>Needs authentication</source>
        <translation>需要验证</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="33"/>
        <source>Uncaptured</source>
        <translation>未请款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="34"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="45"/>
        <source>Waiting for the customer to pay.</source>
        <translation>正在等待客户付款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="47"/>
        <source>The customer has paid; the bank is still confirming the payment.</source>
        <translation>客户已付款；银行仍在确认这笔付款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="50"/>
        <source>The payment page expired without a payment.</source>
        <translation>付款页面已过期，未收到付款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="52"/>
        <source>The payment request was switched off.</source>
        <translation>付款请求已关闭。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="76"/>
        <source>Capture by %1</source>
        <translation>请于 %1 前请款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="81"/>
        <source>Waiting for payment</source>
        <translation>等待付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="84"/>
        <source>Canceled (%1)</source>
        <translation>已取消（%1）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="92"/>
        <source>invoice voided</source>
        <translation>账单已作废</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="93"/>
        <source>invoice failed</source>
        <translation>账单付款失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="94"/>
        <source>abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="95"/>
        <source>canceled by Stripe</source>
        <translation>由 Stripe 取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="96"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="97"/>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="98"/>
        <source>fraudulent</source>
        <translation>欺诈</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payment_list_model.py" line="99"/>
        <source>requested by the customer</source>
        <translation>应客户要求</translation>
    </message>
</context>
<context>
    <name>PaymentsPanel</name>
    <message>
        <location filename="../../posapp/ui/payments/payments_panel.py" line="63"/>
        <source>Export the payments the list shows now</source>
        <translation>导出列表当前显示的付款</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/payments/payments_panel.py" line="64"/>
        <source>%n payment(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %n 笔付款导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payments_panel.py" line="82"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/payments_panel.py" line="85"/>
        <source>Capture</source>
        <translation>请款</translation>
    </message>
</context>
<context>
    <name>PayoutDetail</name>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="62"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="62"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="63"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="63"/>
        <source>Fee</source>
        <translation>手续费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="64"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="68"/>
        <source>Export reconciliation CSV…</source>
        <translation>导出对账 CSV…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="74"/>
        <source>Balance transactions in this payout</source>
        <translation>本次提现包含的余额交易</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="84"/>
        <source>%1 · arrives %2 · %3</source>
        <translation>%1 · %2 到账 · %3</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="87"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="87"/>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="91"/>
        <source>Reading the transactions…</source>
        <translation>正在读取交易…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="123"/>
        <source>Stripe lists no transactions for this payout (manual payouts are not itemised).</source>
        <translation>Stripe 没有列出此提现的交易（手动提现不逐笔列出）。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="126"/>
        <source>%1 transactions, net %2: they add up to the payout.</source>
        <translation>%1 笔交易，净额 %2：与提现金额相符。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="130"/>
        <source>%1 transactions, net %2: they do not add up to the payout.</source>
        <translation>%1 笔交易，净额 %2：与提现金额不符。</translation>
    </message>
</context>
<context>
    <name>PayoutListModel</name>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="87"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="88"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="89"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="91"/>
        <source>Arrival</source>
        <translation>到账日期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="92"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="92"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="93"/>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
</context>
<context>
    <name>PayoutStatus</name>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="47"/>
        <source>Pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="48"/>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="49"/>
        <source>Paid</source>
        <translation>已到账</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="50"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="51"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>PayoutsPanel</name>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="158"/>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="220"/>
        <source>Pay out…</source>
        <translation>提现…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="164"/>
        <source>Save the payouts the list shows as a CSV file</source>
        <translation>将列表中显示的提现保存为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="166"/>
        <source>%1 payouts saved to %2</source>
        <translation>已将 %1 笔提现保存到 %2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="171"/>
        <source>Select a payout to see what it paid out.</source>
        <translation>选择一笔提现，查看它包含的款项。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="182"/>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="192"/>
        <source>Pay out</source>
        <translation>提现</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="182"/>
        <source>Amount to pay out to the bank (%1 available):</source>
        <translation>提现到银行的金额（可用 %1）：</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="193"/>
        <source>Pay %1 out to the bank now?</source>
        <translation>现在将 %1 提现到银行吗？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="210"/>
        <source>Check payout again</source>
        <translation>再次核对提现</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="212"/>
        <source>We don&apos;t know yet whether the payout of %1 was made: Stripe did not answer. Check again: it cannot pay out twice.</source>
        <translation>尚不确定 %1 的提现是否已完成：Stripe 没有回应。请再次核对：同一笔提现不会执行两次。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/payouts_panel.py" line="222"/>
        <source>Payout of %1 on its way.</source>
        <translation>%1 的提现已在途。</translation>
    </message>
</context>
<context>
    <name>PlatformListPanel</name>
    <message>
        <location filename="../../posapp/ui/backoffice/connect_panel.py" line="49"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/connect_panel.py" line="54"/>
        <source>Save what the list shows as a CSV file</source>
        <translation>将列表中显示的内容保存为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/connect_panel.py" line="55"/>
        <source>%1 rows saved to %2</source>
        <translation>已将 %1 行保存到 %2</translation>
    </message>
</context>
<context>
    <name>PricePicker</name>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="82"/>
        <source>Type a product name</source>
        <translation>输入商品名称</translation>
    </message>
</context>
<context>
    <name>ProductsPanel</name>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="46"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="46"/>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="63"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="46"/>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="64"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="47"/>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="65"/>
        <source>Barcode</source>
        <translation>条形码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="47"/>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="66"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="48"/>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="86"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="54"/>
        <source>Create product</source>
        <translation>创建商品</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="56"/>
        <source>New amount</source>
        <translation>新金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="57"/>
        <source>Change price</source>
        <translation>修改价格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="58"/>
        <source>Stripe prices cannot change: a new price is made and the old one archived</source>
        <translation>Stripe 的价格不可修改：将创建新价格并归档旧价格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="60"/>
        <source>Archive / restore</source>
        <translation>归档 / 恢复</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="62"/>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="92"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="71"/>
        <source>Up to (quantity)</source>
        <translation>至（数量）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="71"/>
        <source>Per unit</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="72"/>
        <source>Flat fee</source>
        <translation>固定费用</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="85"/>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="85"/>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="93"/>
        <source>Percent</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="86"/>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="89"/>
        <source>Included in prices</source>
        <translation>含在价格中</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="90"/>
        <source>Create tax rate</source>
        <translation>创建税率</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="104"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="106"/>
        <source>Coupons and codes</source>
        <translation>优惠券和优惠码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="107"/>
        <source>Tax rates</source>
        <translation>税率</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="135"/>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="142"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="135"/>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="142"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="141"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="141"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="156"/>
        <source>Tiered (graduated)</source>
        <translation>阶梯价（累进）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="157"/>
        <source>Tiered (volume)</source>
        <translation>阶梯价（总量）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="166"/>
        <source>and above</source>
        <translation>及以上</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="172"/>
        <source>%1 has a tiered price, shown here read-only. The counter does not sell it as a tile; change it in the Stripe Dashboard.</source>
        <translation>%1 采用阶梯价，此处只读显示。柜台不会将其作为商品磁贴出售；请在 Stripe 控制台中修改。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="200"/>
        <source>Product created.</source>
        <translation>商品已创建。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="216"/>
        <source>Stripe prices cannot change: a new price was made and the old one archived.</source>
        <translation>Stripe 的价格不可修改：已创建新价格并归档旧价格。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="226"/>
        <source>Product archived.</source>
        <translation>商品已归档。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="227"/>
        <source>Product restored.</source>
        <translation>商品已恢复。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="235"/>
        <source>Type the tax percentage, e.g. 8.875.</source>
        <translation>请输入税率百分比，例如 8.875。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/products_panel.py" line="237"/>
        <source>Tax rate created.</source>
        <translation>税率已创建。</translation>
    </message>
</context>
<context>
    <name>ReaderTender</name>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="86"/>
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="87"/>
        <source>The customer taps, inserts or swipes their card on the station&apos;s reader</source>
        <translation>客户在本收银台的读卡器上挥卡、插卡或刷卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="90"/>
        <source>Readers…</source>
        <translation>读卡器…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="115"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="116"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="118"/>
        <source>Capture now</source>
        <translation>立即请款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="191"/>
        <source>Readers could not be listed: %1</source>
        <translation>无法列出读卡器：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="223"/>
        <source>No reader chosen: register one with “Readers…”.</source>
        <translation>尚未选择读卡器：请通过“读卡器…”注册一台。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="270"/>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="309"/>
        <source>Sending the payment to the reader…</source>
        <translation>正在将付款发送到读卡器…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="315"/>
        <source>The reader payment may or may not have been started.</source>
        <translation>读卡器付款可能已开始，也可能尚未开始。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="401"/>
        <source>tip %1</source>
        <translation>小费 %1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="404"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="414"/>
        <source>The reader payment was canceled; nothing was charged.</source>
        <translation>读卡器付款已取消；未扣任何款项。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="420"/>
        <source>Card reader: %1</source>
        <translation>读卡器：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="439"/>
        <source>Tap, insert or swipe on the reader.</source>
        <translation>请在读卡器上挥卡、插卡或刷卡。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="440"/>
        <source>Authorised %1: capture it to take the money, or cancel to release the hold.</source>
        <translation>已授权 %1：请款即可收取款项，或取消以释放预授权。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="442"/>
        <source>Declined: %1 The customer can try another card.</source>
        <translation>被拒：%1 客户可以换一张卡再试。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="444"/>
        <source>The reader stopped waiting for a card; nothing was charged. Try again when the customer is ready.</source>
        <translation>读卡器已停止等待银行卡；未扣任何款项。客户准备好后请重试。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="446"/>
        <source>The reader stopped collecting this payment (canceled on the reader); nothing was charged. Try again, or cancel.</source>
        <translation>读卡器已停止收取此笔付款（已在读卡器上取消）；未扣任何款项。请重试或取消。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="448"/>
        <source>The reader is offline: check that it is on and connected, then try again, or choose another reader.</source>
        <translation>读卡器离线：请检查其是否已开机并联网，然后重试，或选择其他读卡器。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="450"/>
        <source>The reader is busy with another payment (perhaps another station&apos;s): wait for it to finish, then try again.</source>
        <translation>读卡器正在处理另一笔付款（可能来自其他收银台）：请等待其完成后重试。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/reader_tender.py" line="452"/>
        <source>The reader could not take the payment: %1</source>
        <translation>读卡器无法收取此笔付款：%1</translation>
    </message>
</context>
<context>
    <name>ReadersDialog</name>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="55"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="57"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="68"/>
        <source>Card readers</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="71"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="72"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="79"/>
        <source>The code the reader shows, e.g. simulated-wpe</source>
        <translation>读卡器上显示的注册码，例如 simulated-wpe</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="81"/>
        <source>Counter</source>
        <translation>柜台</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="84"/>
        <source>New location&apos;s name</source>
        <translation>新地点的名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="86"/>
        <source>Country code, e.g. US</source>
        <translation>国家代码，例如 US</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="88"/>
        <source>Register reader</source>
        <translation>注册读卡器</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="90"/>
        <source>Registration code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="91"/>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="207"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="92"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="93"/>
        <source>New location</source>
        <translation>新地点</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="94"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="97"/>
        <source>Authorise only: capture reader payments later</source>
        <translation>仅授权：稍后再对读卡器付款请款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="99"/>
        <source>Offer tips on the reader</source>
        <translation>在读卡器上提供小费选项</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="108"/>
        <source>Readers of this account</source>
        <translation>本账户的读卡器</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="112"/>
        <source>This station</source>
        <translation>本收银台</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="173"/>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="174"/>
        <source>payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="175"/>
        <source>showing a cart</source>
        <translation>正在显示购物车</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="177"/>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="177"/>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="178"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="198"/>
        <source>Reader “%1” registered.</source>
        <translation>读卡器“%1”已注册。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="207"/>
        <source>Rename reader</source>
        <translation>重命名读卡器</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="225"/>
        <source>Delete reader</source>
        <translation>删除读卡器</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/readers_dialog.py" line="226"/>
        <source>Delete “%1”? It must be registered again with a new code to take payments.</source>
        <translation>删除“%1”？删除后须使用新的注册码重新注册才能收款。</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../../posapp/ui/catalogue/receipt_pdf.py" line="69"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/receipt_pdf.py" line="70"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/receipt_pdf.py" line="71"/>
        <source>Tax</source>
        <translation>税费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/receipt_pdf.py" line="72"/>
        <source>Tip</source>
        <translation>小费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/receipt_pdf.py" line="73"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/receipt_pdf.py" line="74"/>
        <source>Your receipt online</source>
        <translation>在线查看收据</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/receipt_pdf.py" line="75"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/receipt_pdf.py" line="76"/>
        <source>Thank you!</source>
        <translation>谢谢惠顾！</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/receipt_pdf.py" line="172"/>
        <source>Print receipt</source>
        <translation>打印收据</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/receipt_pdf.py" line="186"/>
        <source>Save receipt</source>
        <translation>保存收据</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/receipt_pdf.py" line="187"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../posapp/ui/shell/recovery_dialog.py" line="55"/>
        <source>The app was stopped during a payment</source>
        <translation>应用在付款过程中被中断</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/recovery_dialog.py" line="61"/>
        <source>%1 — interrupted %2 ago: it went through at Stripe.</source>
        <translation>%1 — %2前被中断：Stripe 已完成此操作。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/recovery_dialog.py" line="72"/>
        <source>%1 — interrupted %2 ago, and Stripe does not have it: it was not charged. Send it again now? Only if the customer is still here and has not paid another way.</source>
        <translation>%1 — %2前被中断，Stripe 没有此记录：未扣款。现在重新发送吗？仅当顾客仍在场且未以其他方式付款时才这样做。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/recovery_dialog.py" line="78"/>
        <source>Send it again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/recovery_dialog.py" line="79"/>
        <source>Don&apos;t send</source>
        <translation>不发送</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/recovery_dialog.py" line="97"/>
        <source>Refund of %1</source>
        <translation>退款 %1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/recovery_dialog.py" line="98"/>
        <source>Charge of %1</source>
        <translation>扣款 %1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/recovery_dialog.py" line="121"/>
        <source>Sent again: Stripe has it now.</source>
        <translation>已重新发送：Stripe 现已收到。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/recovery_dialog.py" line="125"/>
        <source>Not sent.</source>
        <translation>未发送。</translation>
    </message>
</context>
<context>
    <name>RefundDetail</name>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="42"/>
        <source>Select a refund to see its details.</source>
        <translation>选择一笔退款以查看详情。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="61"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="62"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="63"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="64"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="65"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="66"/>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="67"/>
        <source>Fee and net</source>
        <translation>手续费与净额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="68"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="70"/>
        <source>Open payment</source>
        <translation>打开付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="72"/>
        <source>Copy id</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_detail.py" line="75"/>
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="83"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="83"/>
        <source>Paid</source>
        <translation>已付</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="84"/>
        <source>Back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="89"/>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="252"/>
        <source>Refund payment</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="95"/>
        <source>Requested by the customer</source>
        <translation>客户要求</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="96"/>
        <source>Duplicate</source>
        <translation>重复付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="97"/>
        <source>Fraudulent</source>
        <translation>欺诈</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="99"/>
        <source>Internal note (kept in Stripe&apos;s metadata)</source>
        <translation>内部备注（保存在 Stripe 元数据中）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="107"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="108"/>
        <source>Paid with</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="109"/>
        <source>Refundable</source>
        <translation>可退金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="110"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="111"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="112"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="114"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="144"/>
        <source>No payment of this customer can be refunded</source>
        <translation>该客户没有可退款的付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="182"/>
        <source>%1 of %2 already refunded</source>
        <translation>%2 件中已退款 %1 件</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="225"/>
        <source>a walk-in customer</source>
        <translation>散客</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="229"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="235"/>
        <source>There is no paid payment to refund.</source>
        <translation>没有可退款的已付款项。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="239"/>
        <source>At most %1 can be refunded.</source>
        <translation>最多可退款 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="249"/>
        <source>Refund %1 to %2?</source>
        <translation>向 %2 退款 %1？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="250"/>
        <source>the customer</source>
        <translation>该客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="251"/>
        <source>This is a LIVE payment: %1 goes back to a real card. Refund it?</source>
        <translation>这是一笔正式付款：%1 将退回真实银行卡。确定退款吗？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="286"/>
        <source>Check again</source>
        <translation>再次核实</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_dialog.py" line="288"/>
        <source>We don&apos;t know yet whether this refund went through. Check again: it sends the same request, which cannot refund twice.</source>
        <translation>尚不清楚这笔退款是否成功。请再次核实：它会发送同一个请求，不会重复退款。</translation>
    </message>
</context>
<context>
    <name>RefundListModel</name>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="69"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="70"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="71"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="73"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="75"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="77"/>
        <source>Card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="80"/>
        <source>Note / failure</source>
        <translation>备注 / 失败原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="107"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>RefundReason</name>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="42"/>
        <source>Requested by the customer</source>
        <translation>客户要求</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="44"/>
        <source>Duplicate</source>
        <translation>重复付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="45"/>
        <source>Fraudulent</source>
        <translation>欺诈</translation>
    </message>
</context>
<context>
    <name>RefundStatus</name>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="30"/>
        <source>Pending</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="31"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="32"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="33"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refund_list_model.py" line="34"/>
        <source>Needs action</source>
        <translation>需要处理</translation>
    </message>
</context>
<context>
    <name>RefundsPanel</name>
    <message>
        <location filename="../../posapp/ui/refunds/refunds_panel.py" line="69"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refunds_panel.py" line="70"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refunds_panel.py" line="71"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refunds_panel.py" line="72"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refunds_panel.py" line="73"/>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refunds_panel.py" line="91"/>
        <source>Export the refunds the list shows now</source>
        <translation>导出列表当前显示的退款</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/refunds/refunds_panel.py" line="92"/>
        <source>%n refund(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %n 笔退款导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refunds_panel.py" line="147"/>
        <source>Open payment</source>
        <translation>打开付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refunds_panel.py" line="87"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/refunds/refunds_panel.py" line="128"/>
        <source>Refunded: %1 · pending: %2 · failed: %3</source>
        <translation>已退款：%1 · 处理中：%2 · 失败：%3</translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="77"/>
        <source>Search or scan a barcode, then Enter</source>
        <translation>搜索或扫描条形码，然后按回车</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="98"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="98"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="99"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="111"/>
        <source>Promotion code</source>
        <translation>优惠码</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="112"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="138"/>
        <source>Custom amount, then Enter</source>
        <translation>自定义金额，然后按回车</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="143"/>
        <source>No tip</source>
        <translation>不加小费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="149"/>
        <source>Other tip</source>
        <translation>其他小费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="155"/>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="118"/>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="156"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="119"/>
        <source>An amount (1.50) or a percentage (10%) off, given by hand</source>
        <translation>手动给出的减免金额（1.50）或百分比（10%）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="122"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="123"/>
        <source>On line</source>
        <translation>用于该行</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="124"/>
        <source>Discount the selected line (an empty amount removes its discount)</source>
        <translation>为所选行打折（金额留空则取消其折扣）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="126"/>
        <source>On cart</source>
        <translation>用于整单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="127"/>
        <source>Discount the whole cart, never the tip (an empty amount removes it)</source>
        <translation>为整个购物车打折，小费除外（金额留空则取消）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="157"/>
        <source>Tax</source>
        <translation>税费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="158"/>
        <source>Tip</source>
        <translation>小费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="159"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="163"/>
        <source>Collect</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="165"/>
        <source>Take payment for the cart (Ctrl+Enter)</source>
        <translation>为购物车收款（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="166"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="218"/>
        <source>No tax</source>
        <translation>不含税</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="220"/>
        <source>included</source>
        <translation>含在价格中</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="220"/>
        <source>added</source>
        <translation>另加</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="229"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="259"/>
        <source>%n more: type to narrow them down.</source>
        <translation>
            <numerusform>还有 %n 项：输入文字以缩小范围。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="271"/>
        <source>No product has the code “%1”.</source>
        <translation>没有代码为“%1”的商品。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="291"/>
        <source>Custom amount</source>
        <translation>自定义金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="318"/>
        <source>“%1” is not a valid code.</source>
        <translation>“%1”不是有效的优惠码。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="331"/>
        <source>Manual discounts are not allowed at this station.</source>
        <translation>本收银台不允许手动折扣。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="334"/>
        <source>Choose the line to discount first.</source>
        <translation>请先选择要打折的行。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="339"/>
        <source>Say why: a manual discount needs a reason.</source>
        <translation>请说明原因：手动折扣需要填写原因。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="348"/>
        <source>Type an amount or a percentage, like 1.50 or 10%.</source>
        <translation>请输入金额或百分比，例如 1.50 或 10%。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="354"/>
        <source>At most %1% off can be given at this station.</source>
        <translation>本收银台最多只能减免 %1%。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="390"/>
        <source>Stripe Tax is not active on this account (Dashboard → Tax): your tax rates apply.</source>
        <translation>此账户未启用 Stripe Tax（控制台 → 税务）：将使用您的税率。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="393"/>
        <source>Stripe Tax works out the tax at payment</source>
        <translation>Stripe Tax 在付款时计算税额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="447"/>
        <source>Calculated at payment</source>
        <translation>付款时计算</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/catalogue/sale_panel.py" line="452"/>
        <source>The cart is empty.</source>
        <translation>购物车是空的。</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../posapp/ui/shell/search_dialog.py" line="54"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/search_dialog.py" line="56"/>
        <source>Open items</source>
        <translation>待处理事项</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/search_dialog.py" line="111"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/search_dialog.py" line="117"/>
        <source>Name, e-mail, invoice number, id, card last 4, amount (4.50) or date (yesterday)</source>
        <translation>姓名、邮箱、发票号、ID、卡号后四位、金额（4.50）或日期（昨天）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/search_dialog.py" line="138"/>
        <source>No results for “%1”</source>
        <translation>没有找到“%1”的结果</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="52"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="62"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="64"/>
        <source>How often to ask Stripe for news when nothing is pending (every 2 s while a payment is awaited).</source>
        <translation>无待处理事项时向 Stripe 查询更新的间隔（等待付款时每 2 秒一次）。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="70"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="77"/>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="79"/>
        <source>The largest discount a cashier at this station may give by hand, with a reason, in percent of the line or cart</source>
        <translation>本收银台的收银员可手动给出（需注明原因）的最大折扣，按该行或整单金额的百分比计</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="84"/>
        <source>Start PosApp with --data-dir DIR to keep its files elsewhere.</source>
        <translation>使用 --data-dir DIR 启动 PosApp 可将文件存放在其他位置。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="86"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="92"/>
        <source>Clear cache…</source>
        <translation>清除缓存…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="97"/>
        <source>Poll interval</source>
        <translation>轮询间隔</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="98"/>
        <source>Default currency</source>
        <translation>默认货币</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="99"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="100"/>
        <source>Manual discounts up to</source>
        <translation>手动折扣上限</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="101"/>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="102"/>
        <source>Offline cache</source>
        <translation>离线缓存</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="105"/>
        <source>Switch to</source>
        <translation>切换到</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="106"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="107"/>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="129"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="130"/>
        <source>Business</source>
        <translation>商家信息</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="132"/>
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="133"/>
        <source>Profiles</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="149"/>
        <source>The account&apos;s name</source>
        <translation>账户名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="154"/>
        <source>e.g. Thank you for your business.</source>
        <translation>例如：感谢您的惠顾。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="156"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="163"/>
        <source>Business name</source>
        <translation>商家名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="164"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="165"/>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="166"/>
        <source>Invoice footer</source>
        <translation>发票页脚</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="167"/>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="179"/>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="168"/>
        <source>Stripe Tax works out the tax of counter sales</source>
        <translation>由 Stripe Tax 计算柜台销售的税额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="171"/>
        <source>Instead of your tax rates, Stripe Tax taxes each sale by the customer&apos;s address. Used only while Stripe Tax is active on the account (Dashboard → Tax).</source>
        <translation>Stripe Tax 按顾客地址为每笔销售计税，取代您的税率。仅在账户已启用 Stripe Tax 时使用（控制台 → 税务）。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="173"/>
        <source>Tax</source>
        <translation>税务</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="179"/>
        <source>Images (*.png *.jpg *.svg)</source>
        <translation>图片 (*.png *.jpg *.svg)</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="215"/>
        <source>Clear cache</source>
        <translation>清除缓存</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="216"/>
        <source>Delete the offline copy of this profile&apos;s data? It is downloaded again from Stripe on the next sync; the audit log is kept.</source>
        <translation>删除此配置的离线数据副本？下次同步时会从 Stripe 重新下载；审计日志会保留。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="232"/>
        <source>Rename profile</source>
        <translation>重命名配置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="232"/>
        <source>New name</source>
        <translation>新名称</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="251"/>
        <source>Remove profile</source>
        <translation>移除配置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/settings_dialog.py" line="252"/>
        <source>Remove profile “%1” and its key from the keyring? Its cached data stays on disk until you clear it.</source>
        <translation>移除配置“%1”并从钥匙串删除其密钥？其缓存数据会保留在磁盘上，直到您清除。</translation>
    </message>
</context>
<context>
    <name>StationReaderPage</name>
    <message>
        <location filename="../../posapp/ui/payments/station_reader.py" line="31"/>
        <source>This station&apos;s reader</source>
        <translation>本收银台的读卡器</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/station_reader.py" line="45"/>
        <source>No reader yet: register one with “Readers…” on the collect screen.</source>
        <translation>还没有读卡器：请在收款界面通过“读卡器…”注册一台。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/station_reader.py" line="53"/>
        <source>Readers could not be listed: %1</source>
        <translation>无法列出读卡器：%1</translation>
    </message>
</context>
<context>
    <name>SubscriptionCancelDialog</name>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_cancel_dialog.py" line="38"/>
        <location filename="../../posapp/ui/subscriptions/subscription_cancel_dialog.py" line="90"/>
        <source>Cancel subscription</source>
        <translation>取消订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_cancel_dialog.py" line="41"/>
        <source>At the end of the period (%1); can be undone until then</source>
        <translation>在周期结束时（%1）；在此之前可撤销</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_cancel_dialog.py" line="43"/>
        <source>Now; cannot be undone</source>
        <translation>立即；无法撤销</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_cancel_dialog.py" line="48"/>
        <source>Credit the unused part of the period</source>
        <translation>抵扣本周期未使用部分</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_cancel_dialog.py" line="49"/>
        <source>Invoice pending usage and prorations now</source>
        <translation>立即为待结算用量和按比例费用开账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_cancel_dialog.py" line="51"/>
        <source>Cancel subscription…</source>
        <translation>取消订阅…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_cancel_dialog.py" line="54"/>
        <source>Cancel %1&apos;s subscription:</source>
        <translation>取消 %1 的订阅：</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_cancel_dialog.py" line="81"/>
        <source>Cancel %1&apos;s subscription at the end of the period, on %2? It keeps running until then.</source>
        <translation>在周期结束时（%2）取消 %1 的订阅？在此之前订阅继续有效。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_cancel_dialog.py" line="84"/>
        <source>Cancel %1&apos;s subscription now? This cannot be undone.</source>
        <translation>立即取消 %1 的订阅？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_cancel_dialog.py" line="92"/>
        <source>Canceling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>SubscriptionChangeDialog</name>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="49"/>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="154"/>
        <source>Change subscription</source>
        <translation>更改订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="60"/>
        <source>Prorate: credit the unused time and charge the rest on the next invoice</source>
        <translation>按比例计费：抵扣未使用时间，其余在下一张账单中收取</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="62"/>
        <source>Prorate and invoice the difference now</source>
        <translation>按比例计费并立即为差额开账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="64"/>
        <source>No proration: the new price applies from the next period</source>
        <translation>不按比例计费：新价格从下一周期起生效</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="66"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="70"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="71"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="72"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="73"/>
        <source>Proration</source>
        <translation>按比例计费</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="78"/>
        <source>Change…</source>
        <translation>更改…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="83"/>
        <source>Next invoice with this change</source>
        <translation>含此更改的下一张账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="116"/>
        <source>Asking Stripe for the preview…</source>
        <translation>正在向 Stripe 获取预览…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="139"/>
        <source>the default card</source>
        <translation>默认银行卡</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="140"/>
        <source>Change %1&apos;s subscription to %2 × %3?</source>
        <translation>将 %1 的订阅改为 %2 × %3？</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="145"/>
        <source>Collected with: %1</source>
        <translation>收款方式：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="158"/>
        <source>Changing the subscription…</source>
        <translation>正在更改订阅…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="179"/>
        <source>Choose a new price or quantity.</source>
        <translation>请选择新的价格或数量。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="190"/>
        <source>See the preview of the next invoice first.</source>
        <translation>请先查看下一张账单的预览。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="196"/>
        <source>Next invoice: %1, of which %2 for the change.</source>
        <translation>下一张账单：%1，其中 %2 为此更改的费用。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_change_dialog.py" line="199"/>
        <source>Next invoice: %1, after a credit of %2 for the change.</source>
        <translation>下一张账单：%1，已为此更改抵扣 %2。</translation>
    </message>
</context>
<context>
    <name>SubscriptionDetail</name>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="86"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="87"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="88"/>
        <source>Collection</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="89"/>
        <source>Current period</source>
        <translation>当前周期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="91"/>
        <source>Change price or quantity…</source>
        <translation>更改价格或数量…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="92"/>
        <source>Cancel…</source>
        <translation>取消…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="93"/>
        <source>Undo cancellation</source>
        <translation>撤销取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="94"/>
        <source>Pause collection</source>
        <translation>暂停收款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="96"/>
        <source>Void invoices made meanwhile</source>
        <translation>作废期间生成的账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="97"/>
        <source>Keep invoices made meanwhile as drafts</source>
        <translation>期间生成的账单保留为草稿</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="99"/>
        <source>Mark invoices made meanwhile uncollectible</source>
        <translation>将期间生成的账单标记为无法收回</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="105"/>
        <source>Resume collection</source>
        <translation>恢复收款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="106"/>
        <source>Resume subscription…</source>
        <translation>恢复订阅…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="108"/>
        <source>Collect a card…</source>
        <translation>收集银行卡…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="109"/>
        <source>Resume and send an invoice…</source>
        <translation>恢复并发送账单…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="110"/>
        <source>Billing portal link…</source>
        <translation>账单门户链接…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="111"/>
        <source>Copy id</source>
        <translation>复制 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="112"/>
        <source>Open in Stripe Dashboard</source>
        <translation>在 Stripe 控制台中打开</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="133"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="133"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="134"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="134"/>
        <source>Period ends</source>
        <translation>周期结束</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="154"/>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="155"/>
        <source>Next invoice</source>
        <translation>下一张账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="156"/>
        <source>Invoices</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="157"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="180"/>
        <source>Collection paused: nothing is charged until resumed</source>
        <translation>已暂停收款：恢复前不会扣款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="183"/>
        <source>Invoices e-mailed, due in %1 days</source>
        <translation>账单通过电子邮件发送，%1 天后到期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="186"/>
        <source>Default card charged automatically</source>
        <translation>自动从默认银行卡扣款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="227"/>
        <source>%1 has no card on file: collect a card, or resume and send an invoice.</source>
        <translation>%1 没有已存银行卡：请先收集银行卡，或恢复订阅并发送账单。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="244"/>
        <source>Asking Stripe for the next invoice…</source>
        <translation>正在向 Stripe 查询下一张账单…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="281"/>
        <source>Collection paused for %1&apos;s subscription.</source>
        <translation>已暂停收取 %1 的订阅款项。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="292"/>
        <source>Collection resumed for %1&apos;s subscription.</source>
        <translation>已恢复收取 %1 的订阅款项。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="303"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="313"/>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="327"/>
        <source>Resume subscription</source>
        <translation>恢复订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="314"/>
        <source>Resume %1&apos;s subscription? A new period starts now and its invoice of %2 is collected at once.</source>
        <translation>恢复 %1 的订阅？新的计费周期从现在开始，其 %2 的账单将立即收取。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="328"/>
        <source>Resume %1&apos;s subscription and e-mail them an invoice of %2 for the new period, due in %3 days? Later invoices are e-mailed too.</source>
        <translation>恢复 %1 的订阅，并通过电子邮件向其发送新周期 %2 的账单（%3 天后到期）？之后的账单也将通过电子邮件发送。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="363"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="381"/>
        <source>trial ends %1</source>
        <translation>试用于 %1 结束</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="383"/>
        <source>cancels on %1</source>
        <translation>将于 %1 取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="386"/>
        <source>canceled on %1</source>
        <translation>已于 %1 取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="390"/>
        <source>collection paused (%1)</source>
        <translation>已暂停收款（%1）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="391"/>
        <source>invoices voided</source>
        <translation>账单已作废</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="392"/>
        <source>invoices kept as drafts</source>
        <translation>账单保留为草稿</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="393"/>
        <source>invoices marked uncollectible</source>
        <translation>账单标记为无法收回</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_detail.py" line="417"/>
        <source>The next invoice can be previewed when online.</source>
        <translation>联网后可预览下一张账单。</translation>
    </message>
</context>
<context>
    <name>SubscriptionDialog</name>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="117"/>
        <source>New subscription</source>
        <translation>新建订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="120"/>
        <source>Type a customer&apos;s name, e-mail or id</source>
        <translation>输入客户名称、电子邮箱或 ID</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="128"/>
        <source>Add a price</source>
        <translation>添加价格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="132"/>
        <source>No trial</source>
        <translation>无试用</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="133"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="134"/>
        <source>Charge the default card automatically</source>
        <translation>自动从默认银行卡扣款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="136"/>
        <source>E-mail each invoice, due in</source>
        <translation>通过电子邮件发送每张账单，到期：</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="141"/>
        <source>Create it even if the first payment fails or needs the customer (incomplete)</source>
        <translation>即使首次付款失败或需要客户操作也创建（未完成状态）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="143"/>
        <source>Create it incomplete; the customer pays the first invoice</source>
        <translation>以未完成状态创建；由客户支付首张账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="145"/>
        <source>Create nothing if the first payment fails</source>
        <translation>首次付款失败时不创建</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="148"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="150"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="152"/>
        <source>Free trial</source>
        <translation>免费试用</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="153"/>
        <source>Collection</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="155"/>
        <source>If the first payment fails</source>
        <translation>首次付款失败时</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="158"/>
        <source>Start subscription</source>
        <translation>开始订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="125"/>
        <source>Remove this price</source>
        <translation>移除此价格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="190"/>
        <source>Default card: %1</source>
        <translation>默认银行卡：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="193"/>
        <source>Choose the customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="195"/>
        <source>Choose a price from the list for each line.</source>
        <translation>请为每一行从列表中选择价格。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="198"/>
        <source>All prices of a subscription must be in one currency.</source>
        <translation>一个订阅的所有价格必须使用同一种货币。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="201"/>
        <source>The customer has no default card: collect a card first, or e-mail the invoices.</source>
        <translation>该客户没有默认银行卡：请先收集银行卡，或通过电子邮件发送账单。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="214"/>
        <source>Starting the subscription…</source>
        <translation>正在开始订阅…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="243"/>
        <source>The subscription is in its free trial until %1.</source>
        <translation>订阅处于免费试用期，至 %1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="246"/>
        <source>The subscription is active; Stripe e-mails each invoice, due in %1 days.</source>
        <translation>订阅已生效；Stripe 会通过电子邮件发送每张账单，%1 天后到期。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="249"/>
        <source>The subscription is active.</source>
        <translation>订阅已生效。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="251"/>
        <source>The subscription is %1.</source>
        <translation>订阅状态：%1。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="253"/>
        <source>Send the customer the invoice link: the subscription starts once it is paid, and expires if it is not paid within 23 hours.</source>
        <translation>请把账单链接发给客户：付款后订阅开始，23 小时内未付款则失效。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="266"/>
        <source>The first payment has not been made.</source>
        <translation>首次付款尚未完成。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="268"/>
        <source>The customer&apos;s bank asks them to confirm the first payment (3D Secure).</source>
        <translation>客户的银行要求客户确认首次付款（3D Secure）。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="272"/>
        <source>The first payment failed: %1</source>
        <translation>首次付款失败：%1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_dialog.py" line="273"/>
        <source>The first payment needs a payment method.</source>
        <translation>首次付款需要支付方式。</translation>
    </message>
</context>
<context>
    <name>SubscriptionListModel</name>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="137"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="138"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="141"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="143"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="145"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="148"/>
        <source>Period ends</source>
        <translation>周期结束</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="150"/>
        <source>Next invoice</source>
        <translation>下一张账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="158"/>
        <source>%1, cancels</source>
        <translation>%1，将取消</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="160"/>
        <source>%1, collection paused</source>
        <translation>%1，已暂停收款</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="170"/>
        <source>+%n more</source>
        <translation>
            <numerusform>另有 %n 项</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubscriptionStatus</name>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="28"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="29"/>
        <source>Trialing</source>
        <translation>试用中</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="30"/>
        <source>Past due</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="31"/>
        <source>Unpaid</source>
        <translation>未付</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="32"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="33"/>
        <source>Incomplete</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="34"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscription_list_model.py" line="35"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPanel</name>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscriptions_panel.py" line="54"/>
        <source>Search by subscription id…</source>
        <translation>按订阅 ID 搜索…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscriptions_panel.py" line="59"/>
        <source>New subscription</source>
        <translation>新建订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/subscriptions/subscriptions_panel.py" line="63"/>
        <source>Export the subscriptions the list shows now</source>
        <translation>导出列表当前显示的订阅</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/subscriptions/subscriptions_panel.py" line="64"/>
        <source>%n subscription(s) exported to %1.</source>
        <translation>
            <numerusform>已将 %n 个订阅导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="55"/>
        <source>Notifications (open Activity)</source>
        <translation>通知（打开动态）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="71"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="75"/>
        <source>Offline — showing cached data</source>
        <translation>离线 — 显示缓存数据</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="98"/>
        <source>Syncing… %1</source>
        <translation>同步中… %1</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="115"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="119"/>
        <source>Synced just now</source>
        <translation>刚刚已同步</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/shell/status_bar.py" line="121"/>
        <source>Synced %n minute(s) ago</source>
        <translation>
            <numerusform>%n 分钟前已同步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="123"/>
        <source>Last synced %1</source>
        <translation>上次同步 %1</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="19"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="20"/>
        <source>Payment methods</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="21"/>
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="22"/>
        <source>Charges</source>
        <translation>扣款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="23"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="24"/>
        <source>Disputes</source>
        <translation>争议</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="25"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="26"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="27"/>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="28"/>
        <source>Invoices</source>
        <translation>账单</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="29"/>
        <source>Checkout sessions</source>
        <translation>结账会话</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="30"/>
        <source>Payment links</source>
        <translation>付款链接</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="31"/>
        <source>Card readers</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="32"/>
        <source>Reader locations</source>
        <translation>读卡器地点</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/status_bar.py" line="33"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>Takings</name>
    <message>
        <location filename="../../posapp/ui/dashboard/dashboard_panel.py" line="149"/>
        <source>Not captured yet: %1 (%2), the first lapses %3</source>
        <translation>尚未请款：%1（%2 笔），最早一笔于 %3 失效</translation>
    </message>
</context>
<context>
    <name>TakingsView</name>
    <message>
        <location filename="../../posapp/ui/payments/takings_view.py" line="25"/>
        <source>Today&apos;s net takings</source>
        <translation>今日净收入</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/payments/takings_view.py" line="36"/>
        <source>Latest payments</source>
        <translation>最近付款</translation>
    </message>
    <message numerus="yes">
        <location filename="../../posapp/ui/payments/takings_view.py" line="72"/>
        <source>%n payment(s) today</source>
        <translation>
            <numerusform>今天 %n 笔付款</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaxId</name>
    <message>
        <location filename="../../posapp/ui/common/tax_ids.py" line="25"/>
        <source>VAT (OSS)</source>
        <translation>增值税（OSS）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/tax_ids.py" line="27"/>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/tax_ids.py" line="29"/>
        <source>GST</source>
        <translation>商品及服务税</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/tax_ids.py" line="31"/>
        <source>GST/HST</source>
        <translation>商品及服务税/统一销售税</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/tax_ids.py" line="33"/>
        <source>PST</source>
        <translation>省销售税</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/common/tax_ids.py" line="41"/>
        <source>Tax ID: %1</source>
        <translation>税号：%1</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../posapp/ui/shell/top_bar.py" line="37"/>
        <source>Test mode: no real money moves.</source>
        <translation>测试模式：不会产生真实资金往来。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/top_bar.py" line="38"/>
        <source>Live mode: real cards are charged.</source>
        <translation>正式模式：会真实扣款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/top_bar.py" line="39"/>
        <source>Demo: a local sandbox with made-up data.</source>
        <translation>演示：使用虚构数据的本地沙盒。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/top_bar.py" line="44"/>
        <source>Switch profile</source>
        <translation>切换配置</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/top_bar.py" line="50"/>
        <source>Add a profile…</source>
        <translation>添加配置…</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/top_bar.py" line="54"/>
        <source>Search everything  (Ctrl+K)</source>
        <translation>全局搜索（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/top_bar.py" line="57"/>
        <source>Settings and profiles</source>
        <translation>设置和配置</translation>
    </message>
</context>
<context>
    <name>TransferListModel</name>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="171"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="172"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="173"/>
        <source>Reversed</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="177"/>
        <source>Destination</source>
        <translation>收款账户</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/backoffice/models.py" line="180"/>
        <source>Source charge</source>
        <translation>来源扣款</translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <location filename="../../posapp/ui/shell/welcome_window.py" line="19"/>
        <location filename="../../posapp/ui/shell/welcome_window.py" line="22"/>
        <source>Welcome to PosApp</source>
        <translation>欢迎使用 PosApp</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/welcome_window.py" line="26"/>
        <source>Take payments at the counter and manage your Stripe customers, even offline. Card numbers are never typed here: customers pay on Stripe&apos;s own pages.</source>
        <translation>在柜台收款并管理您的 Stripe 客户，离线也能使用。这里从不输入卡号：客户在 Stripe 自己的页面上付款。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/welcome_window.py" line="30"/>
        <source>Try the demo</source>
        <translation>试用演示</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/welcome_window.py" line="33"/>
        <source>A local sandbox with made-up customers; nothing is real.</source>
        <translation>本地沙盒，客户均为虚构；一切都不是真的。</translation>
    </message>
    <message>
        <location filename="../../posapp/ui/shell/welcome_window.py" line="34"/>
        <source>Add your Stripe key</source>
        <translation>添加您的 Stripe 密钥</translation>
    </message>
</context>
</TS>
