package org.gongjian.notify;

/** Where an outbound delivery goes. */
enum Channel {
    EMAIL, DINGTALK, WECOM
}
